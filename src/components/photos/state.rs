use super::model::{self, Photo};
use crate::components::Notices;
use crate::foot_check::model::{Area, Foot};
use crate::platform::{clock, images, persistence, PlatformError};
use crate::storage::photos::{self as store, PhotoStoreError, StoredPhoto};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Debug, thiserror::Error)]
pub enum PhotoError {
    #[error("The photo could not be used: {0}. Nothing was saved.")]
    Picture(#[from] PlatformError),
    #[error("{0}")]
    Store(#[from] PhotoStoreError),
}

/// The photos' descriptions (the pictures stay in IndexedDB until shown) and which ones
/// are open in the viewer.
#[derive(Clone, Copy)]
pub struct PhotosState {
    /// `None` while the first listing is read.
    pub photos: RwSignal<Option<Vec<Photo>>>,
    /// Why the photos could not be read, if they could not.
    pub problem: RwSignal<Option<String>>,
    /// The photo open in the viewer, and the one it is compared with.
    pub open: RwSignal<Option<(u64, Option<u64>)>>,
    notices: Notices,
}

crate::lazy_state!(PhotosState);

impl PhotosState {
    fn load(notices: Notices) -> Self {
        let state = PhotosState {
            photos: RwSignal::new(None),
            problem: RwSignal::new(None),
            open: RwSignal::new(None),
            notices,
        };
        state.refresh();
        state
    }

    /// Photos are not in `localStorage`; "everything changed" (an import, delete all)
    /// is the only change from elsewhere they follow.
    pub fn reload(&self, key_name: Option<&str>) {
        if key_name.is_none() {
            self.refresh();
        }
    }

    pub fn refresh(&self) {
        let state = *self;
        spawn_local(async move {
            match store::list().await {
                Ok(listing) => {
                    if !listing.set_aside.is_empty() {
                        state.notices.report(&format!(
                            "{} photo(s) could not be read ({}). They were set aside unchanged and are no longer shown; the other photos are fine.",
                            listing.set_aside.len(),
                            listing.set_aside[0].1
                        ));
                    }
                    state.problem.set(None);
                    state.photos.set(Some(listing.photos));
                }
                Err(error) => {
                    leptos::logging::warn!("{error}");
                    state.problem.set(Some(error.to_string()));
                    state.photos.set(Some(Vec::new()));
                }
            }
        });
    }

    /// Scales the chosen picture down, drops its metadata and keeps it, tagged with where
    /// it shows and the check it belongs to.
    pub async fn add(
        &self,
        picture: &web_sys::Blob,
        (foot, area): (Foot, Area),
        check: Option<u64>,
    ) -> Result<Photo, PhotoError> {
        let first = self
            .photos
            .with_untracked(|p| p.as_ref().is_none_or(Vec::is_empty));
        if first {
            // Asked with the first photo, while the person is here to answer a prompt, but
            // not waited for: Firefox's prompt holds its answer until the person picks one,
            // and the photo must not wait on that.
            spawn_local(async {
                if let Err(error) = persistence::request().await {
                    leptos::logging::warn!("{error}");
                }
            });
        }
        let decoded = images::decode(picture).await?;
        let size = model::fit(decoded.size().0, decoded.size().1, model::LONG_EDGE);
        let thumb_size = model::fit(size.0, size.1, model::THUMB_EDGE);
        let image = images::encode_jpeg(&decoded, size, model::JPEG_QUALITY).await?;
        let thumb = images::encode_jpeg(&decoded, thumb_size, model::JPEG_QUALITY).await?;
        drop(decoded);
        let photo = Photo {
            id: self.photos.with_untracked(|taken| {
                model::fresh_id(clock::now_ms() as u64, taken.as_deref().unwrap_or_default())
            }),
            foot,
            area,
            check,
            width: size.0,
            height: size.1,
            bytes: image.size() as u64,
            thumb_bytes: thumb.size() as u64,
        };
        store::put_all(&[StoredPhoto {
            photo: photo.clone(),
            image,
            thumb,
        }])
        .await?;
        self.photos.update(|list| {
            let list = list.get_or_insert_with(Vec::new);
            list.push(photo.clone());
            list.sort_by_key(|p| p.id);
        });
        Ok(photo)
    }

    pub async fn delete(&self, id: u64) -> Result<(), PhotoStoreError> {
        store::delete(id).await?;
        self.open.update(|open| {
            if open.is_some_and(|(a, b)| a == id || b == Some(id)) {
                *open = None;
            }
        });
        self.photos
            .update(|list| list.get_or_insert_with(Vec::new).retain(|p| p.id != id));
        Ok(())
    }

    pub async fn delete_all(&self) -> Result<(), PhotoStoreError> {
        store::delete_all().await?;
        self.open.set(None);
        self.photos.set(Some(Vec::new()));
        Ok(())
    }
}
