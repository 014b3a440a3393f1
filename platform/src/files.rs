//! Saving a file to the device and reading the ones the user picked.

use super::PlatformError;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Blob;

/// Offers `text` as a download named `file_name`. Kept apart from `download_blob`: it is
/// in the first download (the notices offer set-aside data), the blob one is not.
pub fn download_text(file_name: &str, text: &str, mime: &str) -> Result<(), PlatformError> {
    let failed = |e| PlatformError::failed("saving the file", e);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&text.into()), &options)
        .map_err(failed)?;
    let url = click_download(file_name, &blob)?;
    web_sys::Url::revoke_object_url(&url).map_err(failed)
}

/// Clicks a download link for `blob`; returns its address, still to be given back.
fn click_download(file_name: &str, blob: &Blob) -> Result<String, PlatformError> {
    let failed = |e| PlatformError::failed("saving the file", e);
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(PlatformError::Unsupported("downloads"))?;
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(failed)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(failed)?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    Ok(url)
}

/// A blob made of `parts` (strings, byte arrays or other blobs), without copying blobs.
pub fn blob_of(parts: &js_sys::Array, mime: &str) -> Result<Blob, PlatformError> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_blob_sequence_and_options(parts, &options)
        .map_err(|e| PlatformError::failed("preparing the file", e))
}

pub fn bytes_part(bytes: &[u8]) -> js_sys::Uint8Array {
    js_sys::Uint8Array::from(bytes)
}

/// Offers `blob` as a download named `file_name`.
pub fn download_blob(file_name: &str, blob: &Blob) -> Result<(), PlatformError> {
    let url = click_download(file_name, blob)?;
    // Given back later: a large file may still be being read when `click` returns.
    super::clock::after(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    Ok(())
}

/// A blob's bytes.
pub async fn bytes_of(blob: &Blob) -> Result<Vec<u8>, PlatformError> {
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(|e| PlatformError::failed("reading the file", e))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The files chosen in a file input, in order.
pub fn chosen(input: &web_sys::HtmlInputElement) -> Vec<web_sys::File> {
    let Some(files) = input.files() else {
        return Vec::new();
    };
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

/// The bytes of the first file chosen, refused unread when over `max_bytes`.
pub async fn read_chosen_bytes(
    input: &web_sys::HtmlInputElement,
    max_bytes: usize,
) -> Result<Option<Vec<u8>>, PlatformError> {
    read_chosen_bytes_as(input, |_| max_bytes).await
}

/// `read_chosen_bytes` where the limit depends on what the file is: `max_bytes_for` sees
/// its first 8 bytes, which are all that is read of a file over its limit.
pub async fn read_chosen_bytes_as(
    input: &web_sys::HtmlInputElement,
    max_bytes_for: impl Fn(&[u8]) -> usize,
) -> Result<Option<Vec<u8>>, PlatformError> {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return Ok(None);
    };
    let head = file
        .slice_with_i32_and_i32(0, 8)
        .map_err(|e| PlatformError::failed("reading the file", e))?;
    let max_bytes = max_bytes_for(&bytes_of(&head).await?);
    if file.size() > max_bytes as f64 {
        return Err(too_large(file.size(), max_bytes));
    }
    bytes_of(&file).await.map(Some)
}

fn too_large(size: f64, max_bytes: usize) -> PlatformError {
    PlatformError::Failed {
        what: "reading the file",
        detail: format!("it is too large ({size} bytes; at most {max_bytes})"),
    }
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
        return Err(too_large(file.size(), max_bytes));
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|e| PlatformError::failed("reading the file", e))?;
    Ok(text.as_string())
}

/// A `blob:` address for showing a blob in the page, given back when dropped: each one
/// holds its blob in memory until revoked.
#[derive(Debug, PartialEq)]
pub struct ObjectUrl(String);

impl ObjectUrl {
    pub fn new(blob: &Blob) -> Result<Self, PlatformError> {
        web_sys::Url::create_object_url_with_blob(blob)
            .map(ObjectUrl)
            .map_err(|e| PlatformError::failed("showing the picture", e))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Drop for ObjectUrl {
    fn drop(&mut self) {
        let _ = web_sys::Url::revoke_object_url(&self.0);
    }
}
