//! The foot photos, in IndexedDB: pictures are far too big for `localStorage`, and
//! IndexedDB keeps a `Blob` as it is, without turning it into text. The `idb` crate does
//! the callbacks-to-futures work (see the README for why that crate).
//!
//! A record is `{ id, meta, image, thumb }`: `meta` is the photo's description in the
//! same versioned envelope as every `localStorage` key, so it migrates the same way, and
//! a record that cannot be read is moved, as it is, to a second store and reported.

use super::envelope::{self, DecodeError};
use super::keys::Key;
use crate::photos::model::Photo;
use idb::{Database, KeyPath, ObjectStore, Query, TransactionMode, TransactionResult};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Blob;

pub const DATABASE: &str = "legs-at-night";
const PHOTOS: &str = "photos";
/// Records that could not be read, kept so that nothing is silently lost.
const SET_ASIDE: &str = "photos-set-aside";

/// The schema of a record's `meta`; bump it and append a migration when `Photo` changes.
pub const PHOTO_META: Key = Key {
    name: "lan.photos",
    schema: 1,
    migrations: &[],
};

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

/// Waits for a write transaction; an abort (how a full disk shows at commit) is an error
/// named by the transaction's own `error`.
async fn finish(
    transaction: idb::Transaction,
    watch: idb::Transaction,
    what: &'static str,
) -> Result<(), PhotoStoreError> {
    match transaction.await {
        Ok(TransactionResult::Committed) => Ok(()),
        Ok(TransactionResult::Aborted) => {
            let name = watch.error().map(|e| e.name()).unwrap_or_default();
            Err(if name == "QuotaExceededError" {
                PhotoStoreError::Full
            } else {
                PhotoStoreError::Failed {
                    what,
                    detail: format!("the browser gave up ({name})"),
                }
            })
        }
        Err(error) => Err(PhotoStoreError::from_idb(what, &error)),
    }
}

fn field(record: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(record, &name.into()).unwrap_or(JsValue::UNDEFINED)
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
    let pictures = ["image", "thumb"]
        .iter()
        .all(|name| field(record, name).is_instance_of::<Blob>());
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
    let watch = stores[0].transaction();
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
    finish(transaction, watch, what).await
}

fn record(photo: &StoredPhoto) -> Result<JsValue, PhotoStoreError> {
    let meta =
        envelope::encode(PHOTO_META.schema, &photo.photo).map_err(|e| PhotoStoreError::Failed {
            what: "saved",
            detail: e.to_string(),
        })?;
    let object = js_sys::Object::new();
    let fields: [(&str, JsValue); 4] = [
        ("id", (photo.photo.id as f64).into()),
        ("meta", meta.into()),
        ("image", photo.image.clone().into()),
        ("thumb", photo.thumb.clone().into()),
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
    let records = photos.iter().map(record).collect::<Result<Vec<_>, _>>()?;
    write(&records, false, "saved").await
}

/// Puts `records` in one transaction; with `replace`, every photo there goes first.
async fn write(
    records: &[JsValue],
    replace: bool,
    what: &'static str,
) -> Result<(), PhotoStoreError> {
    let database = open().await?;
    let (transaction, stores) = store(&database, &[PHOTOS], TransactionMode::ReadWrite, what)?;
    let watch = stores[0].transaction();
    if replace {
        drop(
            stores[0]
                .clear()
                .map_err(|e| PhotoStoreError::from_idb(what, &e))?,
        );
    }
    for record in records {
        // Requests are only queued here; the transaction's end says whether all worked.
        drop(
            stores[0]
                .put(record, None)
                .map_err(|e| PhotoStoreError::from_idb(what, &e))?,
        );
    }
    finish(transaction, watch, what).await
}

/// One of a photo's pictures: `"image"` (the full one) or `"thumb"`.
pub async fn picture(id: u64, which: &'static str) -> Result<Option<Blob>, PhotoStoreError> {
    let database = open().await?;
    let (_, stores) = store(&database, &[PHOTOS], TransactionMode::ReadOnly, "read")?;
    let record = stores[0]
        .get(Query::Key((id as f64).into()))
        .map_err(|e| PhotoStoreError::from_idb("read", &e))?
        .await
        .map_err(|e| PhotoStoreError::from_idb("read", &e))?;
    Ok(record.and_then(|r| field(&r, which).dyn_into::<Blob>().ok()))
}

/// Every readable photo with its pictures, for a backup.
pub async fn everything() -> Result<Vec<StoredPhoto>, PhotoStoreError> {
    let records = all_records(&open().await?).await?;
    let mut photos: Vec<StoredPhoto> = records
        .iter()
        .filter_map(|r| match read(r) {
            Read::Photo(photo) => Some(StoredPhoto {
                photo,
                image: field(r, "image").dyn_into().ok()?,
                thumb: field(r, "thumb").dyn_into().ok()?,
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
    let watch = stores[0].transaction();
    drop(
        stores[0]
            .delete(Query::Key((id as f64).into()))
            .map_err(|e| PhotoStoreError::from_idb(what, &e))?,
    );
    finish(transaction, watch, what).await
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
    let watch = stores[0].transaction();
    for store in &stores {
        drop(
            store
                .clear()
                .map_err(|e| PhotoStoreError::from_idb(what, &e))?,
        );
    }
    finish(transaction, watch, what).await
}

/// Puts imported photos in, all or nothing: with `replace`, every photo here goes first,
/// in the same transaction, so a failure leaves the photos exactly as they were.
pub async fn restore(
    photos: &[super::archive::UnpackedPhoto],
    replace: bool,
) -> Result<(), PhotoStoreError> {
    let what = "imported";
    let jpeg = |bytes: &[u8]| {
        crate::platform::files::blob_of(
            &js_sys::Array::of1(&crate::platform::files::bytes_part(bytes)),
            "image/jpeg",
        )
        .map_err(|e| PhotoStoreError::Failed {
            what,
            detail: e.to_string(),
        })
    };
    let records = photos
        .iter()
        .map(|p| {
            record(&StoredPhoto {
                photo: p.photo.clone(),
                image: jpeg(&p.image)?,
                thumb: jpeg(&p.thumb)?,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    write(&records, replace, what).await
}

/// The backup file with the photos: `backup_json` and every photo in one zip, built a
/// picture at a time so that only one picture's bytes are in memory at once. `None`
/// when there are no photos (the plain JSON backup is then the file).
pub async fn pack_backup(backup_json: &str) -> Result<Option<Blob>, String> {
    use super::archive::{self, ArchiveWriter};
    use crate::platform::files;
    let photos = match everything().await {
        Ok(photos) => photos,
        Err(PhotoStoreError::Unavailable) => return Ok(None),
        Err(error) => return Err(error.to_string()),
    };
    if photos.is_empty() {
        return Ok(None);
    }
    let parts = js_sys::Array::new();
    let mut writer = ArchiveWriter::default();
    let descriptions: Vec<Photo> = photos.iter().map(|p| p.photo.clone()).collect();
    writer.add(archive::BACKUP_ENTRY, backup_json.as_bytes())?;
    writer.add(
        archive::PHOTOS_ENTRY,
        archive::describe_photos(&descriptions)?.as_bytes(),
    )?;
    parts.push(&files::bytes_part(&writer.take()));
    for photo in &photos {
        let id = photo.photo.id;
        for (name, blob) in [
            (archive::image_entry(id), &photo.image),
            (archive::thumb_entry(id), &photo.thumb),
        ] {
            let bytes = files::bytes_of(blob).await.map_err(|e| e.to_string())?;
            writer.add(&name, &bytes)?;
            parts.push(&files::bytes_part(&writer.take()));
        }
    }
    parts.push(&files::bytes_part(&writer.finish()?));
    files::blob_of(&parts, "application/zip")
        .map(Some)
        .map_err(|e| e.to_string())
}
