//! Photos of the soles and heels, kept on the device: the phone as the mirror a person
//! may not be able to use. The model is pure; the pictures are in `storage::photos`.

pub use legs_core::photos::model;
mod compare;
mod section;
mod state;
mod strip;
mod take;
mod view;
mod zoom;

pub use section::PhotosSection;
pub use state::{PhotoError, PhotosState};
pub use strip::{AreaPhotos, PhotoStrip};
pub use take::{TakePhoto, TakePhotoOfAnyArea};
pub use view::PhotoViewer;
