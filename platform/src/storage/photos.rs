//! The foot photos, in IndexedDB: pictures are far too big for `localStorage`, and
//! IndexedDB keeps a `Blob` as it is, without turning it into text. The `idb` crate does
//! the callbacks-to-futures work (docs/decisions.md says why that crate).
//!
//! A record is `{ id, meta, image, thumb }`: `meta` is the photo's description in the
//! same versioned envelope as every `localStorage` key, so it migrates the same way, and
//! a record that cannot be read is moved, as it is, to a second store and reported.
//!
//! `image` and `thumb` are `Blob`s, or the pictures' bytes (`ArrayBuffer`) where the
//! browser refuses to keep a `Blob` in IndexedDB: WebKit without a disk behind the page
//! (Safari's private browsing, and WebKit under automation) fails such a write with
//! "Error preparing Blob/File data". Reading takes either.

use super::envelope::{self, DecodeError};
use super::keys::PHOTO_META;
use idb::{Database, KeyPath, ObjectStore, Query, TransactionMode};
use legs_core::photos::model::{Photo, PictureSize};
use std::cell::{Cell, RefCell};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Blob;

pub const DATABASE: &str = "legs-at-night";
const PHOTOS: &str = "photos";
/// Records that could not be read, kept so that nothing is silently lost.
const SET_ASIDE: &str = "photos-set-aside";

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PhotoStoreError {
    #[error("This browser does not let the app keep photos (private mode, or site data is turned off), so nothing was saved.")]
    Unavailable,
    #[error("There is no room left on this device for the app's photos, so this photo was not saved. Every photo saved before is unchanged. Delete some photos, or free space on the phone, and try again.")]
    Full,
    #[error("The photos could not be {what}: {detail}")]
    Failed { what: &'static str, detail: String },
}

impl PhotoStoreError {
    fn from_idb(what: &'static str, error: &idb::Error) -> Self {
        let detail = error.to_string();
        if detail.contains("QuotaExceeded") {
            PhotoStoreError::Full
        } else {
            PhotoStoreError::Failed { what, detail }
        }
    }
}

thread_local! {
    /// Set once this browser has refused a `Blob`: later photos go straight in as bytes.
    static BLOBS_REFUSED: Cell<bool> = const { Cell::new(false) };
    /// One connection for the page's life: opening one per call cost a year's strip of
    /// small pictures 365 opens, and left as many connections open until collected.
    static CONNECTION: RefCell<Option<web_sys::IdbDatabase>> = const { RefCell::new(None) };
}

/// One photo as kept: its description and its two pictures.
#[derive(Clone)]
pub struct StoredPhoto {
    pub photo: Photo,
    pub image: Blob,
    pub thumb: Blob,
}

/// What `list` found.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Listing {
    /// Oldest first.
    pub photos: Vec<Photo>,
    /// Records that could not be read and were moved aside now.
    pub set_aside: Vec<(u64, DecodeError)>,
    /// Records from a newer version of the app: left as they are, not shown.
    pub newer: usize,
}

async fn open() -> Result<Database, PhotoStoreError> {
    if let Some(kept) = CONNECTION.with_borrow(Clone::clone) {
        return Ok(Database::from(kept));
    }
    let connection = web_sys::IdbDatabase::from(connect().await?);
    // Another tab's newer version of the app waits until every connection has closed:
    // give way to it, and open afresh on the next call. A connection the browser closes
    // (its site data cleared) is let go the same way.
    let let_go = {
        let connection = connection.clone();
        Closure::<dyn FnMut()>::new(move || {
            connection.close();
            CONNECTION.with_borrow_mut(|kept| {
                if kept.as_ref() == Some(&connection) {
                    *kept = None;
                }
            });
        })
    };
    connection.set_onversionchange(Some(let_go.as_ref().unchecked_ref()));
    connection.set_onclose(Some(let_go.as_ref().unchecked_ref()));
    // Lives as long as its connection: one or two for a page's life.
    let_go.forget();
    CONNECTION.set(Some(connection.clone()));
    Ok(Database::from(connection))
}

async fn connect() -> Result<Database, PhotoStoreError> {
    if idb::Factory::new().is_err() {
        return Err(PhotoStoreError::Unavailable);
    }
    Database::builder(DATABASE)
        .version(1)
        .add_object_store(ObjectStore::builder(PHOTOS).key_path(Some(KeyPath::new_single("id"))))
        .add_object_store(ObjectStore::builder(SET_ASIDE).auto_increment(true))
        .build()
        .await
        .map_err(|error| match error {
            idb::Error::IndexedDbOpenFailed(_) => PhotoStoreError::Unavailable,
            other => PhotoStoreError::from_idb("opened", &other),
        })
}

fn store(
    database: &Database,
    names: &[&str],
    mode: TransactionMode,
    what: &'static str,
) -> Result<(idb::Transaction, Vec<ObjectStore>), PhotoStoreError> {
    let transaction = database
        .transaction(names, mode)
        .map_err(|e| PhotoStoreError::from_idb(what, &e))?;
    let stores = names
        .iter()
        .map(|name| transaction.object_store(name))
        .collect::<Result<_, _>>()
        .map_err(|e| PhotoStoreError::from_idb(what, &e))?;
    Ok((transaction, stores))
}

/// Waits for a write transaction to commit or abort (how a failed request, a full disk
/// above all, shows), named by the transaction's own `error`. Not `idb`'s own future: its
/// error handler takes the request whose error bubbled up for the transaction, and WebKit
/// then calls that handler after it has been dropped.
async fn finish(transaction: idb::Transaction, what: &'static str) -> Result<(), PhotoStoreError> {
    let transaction = web_sys::IdbTransaction::from(transaction);
    let ended = js_sys::Promise::new(&mut |resolve, _| {
        transaction.set_oncomplete(Some(&resolve));
        transaction.set_onabort(Some(&resolve));
    });
    let event = wasm_bindgen_futures::JsFuture::from(ended)
        .await
        .map_err(|_| PhotoStoreError::Failed {
            what,
            detail: "the browser did not finish".into(),
        })?;
    if event.unchecked_into::<web_sys::Event>().type_() == "complete" {
        return Ok(());
    }
    let name = transaction.error().map(|e| e.name()).unwrap_or_default();
    Err(if name == "QuotaExceededError" {
        PhotoStoreError::Full
    } else {
        PhotoStoreError::Failed {
            what,
            detail: format!("the browser gave up ({name})"),
        }
    })
}

fn field(record: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(record, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// A record's picture `name` as a `Blob`, whether kept as one or as its bytes.
fn picture_of(record: &JsValue, size: PictureSize) -> Option<Blob> {
    let value = field(record, size.field());
    if value.is_instance_of::<Blob>() {
        return value.dyn_into().ok();
    }
    let bytes = value.dyn_into::<js_sys::ArrayBuffer>().ok()?;
    crate::files::blob_of(&js_sys::Array::of1(&bytes), "image/jpeg").ok()
}

enum Read {
    Photo(Photo),
    Newer,
    Unreadable(u64, DecodeError),
}

fn read(record: &JsValue) -> Read {
    let id = field(record, "id").as_f64().unwrap_or(0.0) as u64;
    let Some(meta) = field(record, "meta").as_string() else {
        return Read::Unreadable(id, DecodeError::Corrupt("no description".into()));
    };
    let pictures = PictureSize::BOTH
        .iter()
        .all(|size| picture_of(record, *size).is_some());
    match envelope::decode::<Photo>(&meta, PHOTO_META.schema, PHOTO_META.migrations) {
        Err(DecodeError::Newer { .. }) => Read::Newer,
        Err(error) => Read::Unreadable(id, error),
        Ok(_) if !pictures => Read::Unreadable(id, DecodeError::Corrupt("no picture".into())),
        Ok(photo) if photo.id != id => {
            Read::Unreadable(id, DecodeError::Corrupt("wrong id".into()))
        }
        Ok(photo) => Read::Photo(photo),
    }
}

/// Every record as stored, readable or not.
async fn all_records(database: &Database) -> Result<Vec<JsValue>, PhotoStoreError> {
    let (_, stores) = store(database, &[PHOTOS], TransactionMode::ReadOnly, "read")?;
    stores[0]
        .get_all(None, None)
        .map_err(|e| PhotoStoreError::from_idb("read", &e))?
        .await
        .map_err(|e| PhotoStoreError::from_idb("read", &e))
}

/// Every readable photo, oldest first. Unreadable records are moved aside first.
pub async fn list() -> Result<Listing, PhotoStoreError> {
    let database = open().await?;
    let records = all_records(&database).await?;
    let mut listing = Listing::default();
    let mut unreadable = Vec::new();
    for record in records {
        match read(&record) {
            Read::Photo(photo) => listing.photos.push(photo),
            Read::Newer => listing.newer += 1,
            Read::Unreadable(id, error) => {
                listing.set_aside.push((id, error));
                unreadable.push(record);
            }
        }
    }
    if !unreadable.is_empty() {
        set_aside(&database, &unreadable).await?;
    }
    listing.photos.sort_by_key(|p| p.id);
    Ok(listing)
}

/// Copies each record as it is into the set-aside store and removes it from the photos,
/// in one transaction: either both happen or neither.
async fn set_aside(database: &Database, records: &[JsValue]) -> Result<(), PhotoStoreError> {
    let what = "set aside";
    let (transaction, stores) = store(
        database,
        &[PHOTOS, SET_ASIDE],
        TransactionMode::ReadWrite,
        what,
    )?;
    for record in records {
        // Requests are only queued here; the transaction's end says whether all worked.
        drop(
            stores[1]
                .add(record, None)
                .map_err(|e| PhotoStoreError::from_idb(what, &e))?,
        );
        drop(
            stores[0]
                .delete(Query::Key(field(record, "id")))
                .map_err(|e| PhotoStoreError::from_idb(what, &e))?,
        );
    }
    finish(transaction, what).await
}

/// The record of `photo`, with its pictures as `Blob`s, or as bytes where Blobs are refused.
async fn record(photo: &StoredPhoto, as_bytes: bool) -> Result<JsValue, PhotoStoreError> {
    let picture = |blob: &Blob| {
        let blob = blob.clone();
        async move {
            if !as_bytes {
                return Ok(JsValue::from(blob));
            }
            let bytes =
                crate::files::bytes_of(&blob)
                    .await
                    .map_err(|e| PhotoStoreError::Failed {
                        what: "saved",
                        detail: e.to_string(),
                    })?;
            Ok(crate::files::bytes_part(&bytes).buffer().into())
        }
    };
    let (image, thumb) = (picture(&photo.image).await?, picture(&photo.thumb).await?);
    let meta =
        envelope::encode(PHOTO_META.schema, &photo.photo).map_err(|e| PhotoStoreError::Failed {
            what: "saved",
            detail: e.to_string(),
        })?;
    let object = js_sys::Object::new();
    let fields: [(&str, JsValue); 4] = [
        ("id", (photo.photo.id as f64).into()),
        ("meta", meta.into()),
        (PictureSize::Full.field(), image),
        (PictureSize::Small.field(), thumb),
    ];
    for (name, value) in fields {
        js_sys::Reflect::set(&object, &name.into(), &value).map_err(|_| {
            PhotoStoreError::Failed {
                what: "saved",
                detail: "could not build the record".into(),
            }
        })?;
    }
    Ok(object.into())
}

/// Saves photos all or nothing (one transaction), replacing any with the same id.
pub async fn put_all(photos: &[StoredPhoto]) -> Result<(), PhotoStoreError> {
    write(photos, false, "saved").await
}

/// Puts `photos` in one transaction; with `replace`, every photo there goes first. As
/// `Blob`s first; refused (any failure but a full disk), once more as bytes, which is safe
/// to try because a failed transaction changed nothing.
async fn write(
    photos: &[StoredPhoto],
    replace: bool,
    what: &'static str,
) -> Result<(), PhotoStoreError> {
    if !BLOBS_REFUSED.get() {
        match put_records(photos, false, replace, what).await {
            Err(PhotoStoreError::Failed { detail, .. }) => {
                leptos::logging::warn!("photos as Blobs were refused ({detail}); as bytes now");
                BLOBS_REFUSED.set(true);
            }
            done => return done,
        }
    }
    put_records(photos, true, replace, what).await
}

async fn put_records(
    photos: &[StoredPhoto],
    as_bytes: bool,
    replace: bool,
    what: &'static str,
) -> Result<(), PhotoStoreError> {
    let mut records = Vec::with_capacity(photos.len());
    for photo in photos {
        records.push(record(photo, as_bytes).await?);
    }
    let database = open().await?;
    let (transaction, stores) = store(&database, &[PHOTOS], TransactionMode::ReadWrite, what)?;
    if replace {
        drop(
            stores[0]
                .clear()
                .map_err(|e| PhotoStoreError::from_idb(what, &e))?,
        );
    }
    for record in &records {
        // Requests are only queued here; the transaction's end says whether all worked.
        drop(
            stores[0]
                .put(record, None)
                .map_err(|e| PhotoStoreError::from_idb(what, &e))?,
        );
    }
    finish(transaction, what).await
}

/// One of a photo's pictures.
pub async fn picture(id: u64, which: PictureSize) -> Result<Option<Blob>, PhotoStoreError> {
    let database = open().await?;
    let (_, stores) = store(&database, &[PHOTOS], TransactionMode::ReadOnly, "read")?;
    let record = stores[0]
        .get(Query::Key((id as f64).into()))
        .map_err(|e| PhotoStoreError::from_idb("read", &e))?
        .await
        .map_err(|e| PhotoStoreError::from_idb("read", &e))?;
    Ok(record.and_then(|r| picture_of(&r, which)))
}

/// Every readable photo with its pictures, for a backup.
pub async fn everything() -> Result<Vec<StoredPhoto>, PhotoStoreError> {
    let records = all_records(&open().await?).await?;
    let mut photos: Vec<StoredPhoto> = records
        .iter()
        .filter_map(|r| match read(r) {
            Read::Photo(photo) => Some(StoredPhoto {
                photo,
                image: picture_of(r, PictureSize::Full)?,
                thumb: picture_of(r, PictureSize::Small)?,
            }),
            _ => None,
        })
        .collect();
    photos.sort_by_key(|p| p.photo.id);
    Ok(photos)
}

pub async fn delete(id: u64) -> Result<(), PhotoStoreError> {
    let what = "deleted";
    let database = open().await?;
    let (transaction, stores) = store(&database, &[PHOTOS], TransactionMode::ReadWrite, what)?;
    drop(
        stores[0]
            .delete(Query::Key((id as f64).into()))
            .map_err(|e| PhotoStoreError::from_idb(what, &e))?,
    );
    finish(transaction, what).await
}

/// Removes every photo, and what was set aside: "delete all" leaves nothing behind.
pub async fn delete_all() -> Result<(), PhotoStoreError> {
    let what = "deleted";
    let database = open().await?;
    let (transaction, stores) = store(
        &database,
        &[PHOTOS, SET_ASIDE],
        TransactionMode::ReadWrite,
        what,
    )?;
    for store in &stores {
        drop(
            store
                .clear()
                .map_err(|e| PhotoStoreError::from_idb(what, &e))?,
        );
    }
    finish(transaction, what).await
}

/// Puts imported photos in, all or nothing: with `replace`, every photo here goes first,
/// in the same transaction, so a failure leaves the photos exactly as they were.
pub async fn restore(
    photos: &[super::archive::UnpackedPhoto],
    replace: bool,
) -> Result<(), PhotoStoreError> {
    let what = "imported";
    let jpeg = |bytes: &[u8]| {
        crate::files::blob_of(
            &js_sys::Array::of1(&crate::files::bytes_part(bytes)),
            "image/jpeg",
        )
        .map_err(|e| PhotoStoreError::Failed {
            what,
            detail: e.to_string(),
        })
    };
    let photos = photos
        .iter()
        .map(|p| {
            Ok(StoredPhoto {
                photo: p.photo.clone(),
                image: jpeg(&p.image)?,
                thumb: jpeg(&p.thumb)?,
            })
        })
        .collect::<Result<Vec<_>, PhotoStoreError>>()?;
    write(&photos, replace, what).await
}

/// The backup file with the photos: `backup_json` and every photo in one zip, built a
/// picture at a time so that only one picture's bytes are in memory at once. `None`
/// when there are no photos (the plain JSON backup is then the file); with the zip, how many
/// photos it holds.
pub async fn pack_backup(backup_json: &str) -> Result<Option<(Blob, usize)>, PhotoStoreError> {
    use super::archive::{self, ArchiveWriter};
    use crate::files;
    let failed = |detail: String| PhotoStoreError::Failed {
        what: "packed",
        detail,
    };
    let photos = everything().await?;
    if photos.is_empty() {
        return Ok(None);
    }
    let parts = js_sys::Array::new();
    let mut writer = ArchiveWriter::default();
    let descriptions: Vec<Photo> = photos.iter().map(|p| p.photo.clone()).collect();
    writer
        .add(archive::BACKUP_ENTRY, backup_json.as_bytes())
        .map_err(failed)?;
    let described = archive::describe_photos(&descriptions).map_err(failed)?;
    writer
        .add(archive::PHOTOS_ENTRY, described.as_bytes())
        .map_err(failed)?;
    parts.push(&files::bytes_part(&writer.take()));
    for photo in &photos {
        let id = photo.photo.id;
        for (name, blob) in [
            (archive::image_entry(id), &photo.image),
            (archive::thumb_entry(id), &photo.thumb),
        ] {
            let bytes = files::bytes_of(blob)
                .await
                .map_err(|e| failed(e.to_string()))?;
            writer.add(&name, &bytes).map_err(failed)?;
            parts.push(&files::bytes_part(&writer.take()));
        }
    }
    parts.push(&files::bytes_part(&writer.finish().map_err(failed)?));
    files::blob_of(&parts, "application/zip")
        .map(|zip| Some((zip, photos.len())))
        .map_err(|e| failed(e.to_string()))
}
