//! A chosen picture turned into the app's own copies: decoded, scaled down and encoded
//! again as JPEG. Drawing onto a canvas keeps only the pixels, so the location, camera
//! and time a phone writes into a photo's EXIF data never reach storage.

use super::PlatformError;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, CanvasRenderingContext2d, HtmlCanvasElement, ImageBitmap};

const WHAT: &str = "reading the picture";

/// A decoded picture; browsers turn it upright by its EXIF orientation while decoding.
pub struct Decoded(ImageBitmap);

impl Decoded {
    pub fn size(&self) -> (u32, u32) {
        (self.0.width(), self.0.height())
    }
}

impl Drop for Decoded {
    fn drop(&mut self) {
        // Frees the decoded pixels now instead of at the next collection: a phone's
        // camera photo is 50 MB decoded.
        self.0.close();
    }
}

pub async fn decode(picture: &Blob) -> Result<Decoded, PlatformError> {
    let window = web_sys::window().ok_or(PlatformError::Unsupported("a window"))?;
    let promise = window
        .create_image_bitmap_with_blob(picture)
        .map_err(|e| PlatformError::failed(WHAT, e))?;
    let bitmap = JsFuture::from(promise)
        .await
        .map_err(|_| PlatformError::Failed {
            what: WHAT,
            detail: "it is not a picture this browser can open".into(),
        })?;
    bitmap
        .dyn_into::<ImageBitmap>()
        .map(Decoded)
        .map_err(|e| PlatformError::failed(WHAT, e))
}

/// The picture drawn at `width` x `height` and encoded as JPEG at `quality` (0 to 1).
pub async fn encode_jpeg(
    picture: &Decoded,
    (width, height): (u32, u32),
    quality: f64,
) -> Result<Blob, PlatformError> {
    let failed = |e| PlatformError::failed("preparing the photo", e);
    let canvas: HtmlCanvasElement = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(PlatformError::Unsupported("a document"))?
        .create_element("canvas")
        .map_err(failed)?
        .unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(failed)?
        .ok_or(PlatformError::Unsupported("drawing pictures"))?
        .unchecked_into();
    context
        .draw_image_with_image_bitmap_and_dw_and_dh(
            &picture.0,
            0.0,
            0.0,
            f64::from(width),
            f64::from(height),
        )
        .map_err(failed)?;
    // `toBlob` answers through a callback; a promise makes it awaitable.
    let mut start = |resolve: js_sys::Function, reject: js_sys::Function| {
        let refuse = reject.clone();
        let answer = Closure::once_into_js(move |blob: JsValue| {
            let _ = if blob.is_null() {
                refuse.call1(&JsValue::NULL, &"the browser could not make a JPEG".into())
            } else {
                resolve.call1(&JsValue::NULL, &blob)
            };
        });
        if let Err(error) = canvas.to_blob_with_type_and_encoder_options(
            answer.unchecked_ref(),
            "image/jpeg",
            &quality.into(),
        ) {
            let _ = reject.call1(&JsValue::NULL, &error);
        }
    };
    let blob = JsFuture::from(js_sys::Promise::new(&mut start))
        .await
        .map_err(failed)?;
    blob.dyn_into::<Blob>().map_err(failed)
}
