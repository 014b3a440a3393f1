//! Saving a text file to the device and reading one the user picked.

use super::PlatformError;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a download named `file_name`.
pub fn download_text(file_name: &str, text: &str, mime: &str) -> Result<(), PlatformError> {
    let failed = |e| PlatformError::failed("saving the file", e);
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(PlatformError::Unsupported("downloads"))?;
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(failed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(failed)?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url).map_err(failed)
}

/// The text of the first file chosen in a file input, refused unread when it is over
/// `max_bytes` (the caller knows what such a file may hold).
pub async fn read_chosen_text(
    input: &web_sys::HtmlInputElement,
    max_bytes: usize,
) -> Result<Option<String>, PlatformError> {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return Ok(None);
    };
    if file.size() > max_bytes as f64 {
        return Err(PlatformError::Failed {
            what: "reading the file",
            detail: format!(
                "it is too large ({} bytes; at most {max_bytes})",
                file.size()
            ),
        });
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|e| PlatformError::failed("reading the file", e))?;
    Ok(text.as_string())
}
