//! The backup with photos: one zip file holding the JSON backup exactly as a backup
//! without photos is written, the photos' descriptions, and each photo's two pictures.
//!
//! Why zip: one file a person can keep, mail or open on a computer to see the photos;
//! pictures are stored as they are (JPEG does not compress further), so no compressor is
//! needed and the photos come back byte for byte. Pure; tested natively.

use super::backup::ImportError;
use super::envelope;
use super::keys::PHOTO_META;
use crate::photos::model::Photo;
use std::cell::RefCell;
use std::io::{Cursor, Read, Write};
use std::rc::Rc;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

pub const BACKUP_ENTRY: &str = "legs-at-night-backup.json";
pub const PHOTOS_ENTRY: &str = "photos.json";
/// A year of a photo every night is about 130 MB; well past that is not ours, and the
/// whole file must fit in the page's memory to be read.
pub const MAX_ARCHIVE_BYTES: usize = 700 * 1024 * 1024;

pub fn is_archive(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

pub fn image_entry(id: u64) -> String {
    format!("photos/{id}.jpg")
}

pub fn thumb_entry(id: u64) -> String {
    format!("photos/{id}-small.jpg")
}

/// A shared byte buffer, so the caller can take what the zip writer has written so far
/// (a picture at a time) instead of holding the whole archive in memory.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Writes an archive entry by entry; `take` hands over the bytes written so far.
pub struct ArchiveWriter {
    zip: ZipWriter<zip::write::StreamWriter<Shared>>,
    out: Shared,
}

impl Default for ArchiveWriter {
    fn default() -> Self {
        let out = Shared::default();
        ArchiveWriter {
            zip: ZipWriter::new_stream(out.clone()),
            out,
        }
    }
}

impl ArchiveWriter {
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<(), String> {
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Stored)
            .large_file(bytes.len() as u64 >= u64::from(u32::MAX));
        self.zip
            .start_file(name, options)
            .map_err(|e| e.to_string())?;
        self.zip.write_all(bytes).map_err(|e| e.to_string())
    }

    pub fn take(&mut self) -> Vec<u8> {
        std::mem::take(&mut *self.out.0.borrow_mut())
    }

    /// Writes the directory at the end and returns the last bytes.
    pub fn finish(self) -> Result<Vec<u8>, String> {
        self.zip.finish().map_err(|e| e.to_string())?;
        Ok(std::mem::take(&mut *self.out.0.borrow_mut()))
    }
}

/// The photos' descriptions, versioned like every stored key.
pub fn describe_photos(photos: &[Photo]) -> Result<String, String> {
    envelope::encode(PHOTO_META.schema, &photos).map_err(|e| e.to_string())
}

/// One photo read back from an archive.
#[derive(Debug, Clone, PartialEq)]
pub struct UnpackedPhoto {
    pub photo: Photo,
    pub image: Vec<u8>,
    pub thumb: Vec<u8>,
}

#[derive(Debug, PartialEq)]
pub struct Unpacked {
    pub backup: String,
    pub photos: Vec<UnpackedPhoto>,
}

fn damaged(reason: impl std::fmt::Display) -> ImportError {
    ImportError::Archive(reason.to_string())
}

/// Refuses, from the archive's directory alone and before any part is read, a file whose
/// parts claim more than it holds. This app stores every part as it is, so a part's size
/// is its packed size and all of them fit in the file; a crafted directory that claims
/// gigabytes in a small file (or overlapping parts that add up past it) would otherwise
/// be read until the page ran out of memory.
fn check_declared_sizes(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    file_length: usize,
) -> Result<(), ImportError> {
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let part = archive.by_index_raw(index).map_err(damaged)?;
        if part.compression() != CompressionMethod::Stored || part.size() != part.compressed_size()
        {
            let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
            return Err(damaged(format!(
                "{name} is packed in a way this app never writes"
            )));
        }
        total = total.saturating_add(part.size());
        if total > file_length as u64 {
            return Err(damaged("its parts claim more bytes than the file holds"));
        }
    }
    Ok(())
}

/// One part's bytes, never more than its directory declared (checked against the file).
fn entry(archive: &mut ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Vec<u8>, ImportError> {
    let file = archive
        .by_name(name)
        .map_err(|_| damaged(format!("{name} is missing")))?;
    let declared = file.size();
    let mut bytes = Vec::with_capacity(usize::try_from(declared).unwrap_or(0));
    file.take(declared.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| damaged(format!("{name}: {e}")))?;
    if bytes.len() as u64 != declared {
        return Err(damaged(format!(
            "{name} is not the size its directory says"
        )));
    }
    Ok(bytes)
}

/// A whole JPEG: its start-of-image and a marker, and its end-of-image. Every photo this
/// app keeps comes from the browser's JPEG encoder, which writes both; a file that only
/// begins like one (an SVG or a page behind three borrowed bytes) would be kept as a
/// broken picture.
fn is_jpeg(bytes: &[u8]) -> bool {
    bytes.len() >= 5 && bytes.starts_with(&[0xFF, 0xD8, 0xFF]) && bytes.ends_with(&[0xFF, 0xD9])
}

/// Reads an archive, refusing it whole if any part is missing or is not what it says:
/// an import changes nothing unless all of it can be read.
pub fn unpack(bytes: &[u8]) -> Result<Unpacked, ImportError> {
    if bytes.len() > MAX_ARCHIVE_BYTES {
        return Err(ImportError::TooLarge(bytes.len()));
    }
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    check_declared_sizes(&mut archive, bytes.len())?;
    let backup = String::from_utf8(entry(&mut archive, BACKUP_ENTRY)?)
        .map_err(|_| damaged("the backup is not text"))?;
    let described = String::from_utf8(entry(&mut archive, PHOTOS_ENTRY)?)
        .map_err(|_| damaged("the photo list is not text"))?;
    let descriptions: Vec<Photo> =
        envelope::decode(&described, PHOTO_META.schema, PHOTO_META.migrations).map_err(
            |problem| ImportError::Schema {
                part: "photos",
                problem,
            },
        )?;
    let mut photos = Vec::with_capacity(descriptions.len());
    for mut photo in descriptions {
        let image = entry(&mut archive, &image_entry(photo.id))?;
        let thumb = entry(&mut archive, &thumb_entry(photo.id))?;
        if !is_jpeg(&image) || !is_jpeg(&thumb) {
            return Err(damaged(format!("photo {} is not a JPEG picture", photo.id)));
        }
        photo.bytes = image.len() as u64;
        photo.thumb_bytes = thumb.len() as u64;
        photos.push(UnpackedPhoto {
            photo,
            image,
            thumb,
        });
    }
    Ok(Unpacked { backup, photos })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::foot_check::model::{Area, Foot};

    fn photo(id: u64) -> Photo {
        Photo {
            id,
            foot: Foot::Left,
            area: Area::Heel,
            check: Some(1),
            width: 4,
            height: 3,
            // The sizes of `jpeg(&[id, 1])` and `jpeg(&[id])`.
            bytes: 7,
            thumb_bytes: 6,
        }
    }

    fn jpeg(middle: &[u8]) -> Vec<u8> {
        [&[0xFF, 0xD8, 0xFF][..], middle, &[0xFF, 0xD9]].concat()
    }

    fn pack(photos: &[Photo], skip: Option<&str>) -> Vec<u8> {
        let mut writer = ArchiveWriter::default();
        let mut out = Vec::new();
        let mut add = |writer: &mut ArchiveWriter, name: &str, bytes: &[u8]| {
            if skip != Some(name) {
                writer.add(name, bytes).unwrap();
            }
            out.extend(writer.take());
        };
        add(&mut writer, BACKUP_ENTRY, b"{\"app\":\"legs-at-night\"}");
        add(
            &mut writer,
            PHOTOS_ENTRY,
            describe_photos(photos).unwrap().as_bytes(),
        );
        for p in photos {
            add(&mut writer, &image_entry(p.id), &jpeg(&[p.id as u8, 1]));
            add(&mut writer, &thumb_entry(p.id), &jpeg(&[p.id as u8]));
        }
        out.extend(writer.finish().unwrap());
        out
    }

    /// Issue 24: a 46 KB zip whose directory claims 4 GiB parts trapped the wasm after four
    /// minutes. It is refused at once, from the directory.
    #[test]
    fn a_directory_that_claims_more_than_the_file_holds_is_refused_at_once() {
        let mut bytes = pack(&[photo(7)], None);
        // The first part's sizes in the central directory: packed at +20, unpacked at +24.
        let central = bytes
            .windows(4)
            .position(|w| w == b"PK\x01\x02")
            .expect("a central directory");
        for field in [central + 20, central + 24] {
            bytes[field..field + 4].copy_from_slice(&0xF000_0000u32.to_le_bytes());
        }
        let started = std::time::Instant::now();
        let refused = unpack(&bytes);
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        assert!(
            matches!(&refused, Err(ImportError::Archive(reason)) if reason.contains("claim more bytes")),
            "{refused:?}"
        );
    }

    #[test]
    fn an_archive_written_piece_by_piece_reads_back_byte_for_byte() {
        let bytes = pack(&[photo(7), photo(9)], None);
        assert!(is_archive(&bytes));
        let unpacked = unpack(&bytes).unwrap();
        assert_eq!(unpacked.backup, "{\"app\":\"legs-at-night\"}");
        assert_eq!(unpacked.photos.len(), 2);
        assert_eq!(unpacked.photos[1].image, jpeg(&[9, 1]));
        assert_eq!(unpacked.photos[1].thumb, jpeg(&[9]));
        assert_eq!(unpacked.photos[0].photo, photo(7));
    }

    #[test]
    fn a_missing_or_wrong_part_refuses_the_whole_file() {
        let missing = pack(&[photo(7)], Some(&thumb_entry(7)));
        assert!(matches!(unpack(&missing), Err(ImportError::Archive(r)) if r.contains("7-small")));
        let no_backup = pack(&[], Some(BACKUP_ENTRY));
        assert!(matches!(unpack(&no_backup), Err(ImportError::Archive(_))));
        let mut truncated = pack(&[photo(7)], None);
        truncated.truncate(truncated.len() - 30);
        assert!(matches!(unpack(&truncated), Err(ImportError::Archive(_))));
        assert!(matches!(
            unpack(b"PK\x03\x04 nonsense"),
            Err(ImportError::Archive(_))
        ));
    }

    /// An archive of photo 7 whose large picture is `image`.
    fn with_picture(image: &[u8]) -> Vec<u8> {
        let mut writer = ArchiveWriter::default();
        writer.add(BACKUP_ENTRY, b"{}").unwrap();
        writer
            .add(
                PHOTOS_ENTRY,
                describe_photos(&[photo(7)]).unwrap().as_bytes(),
            )
            .unwrap();
        writer.add(&image_entry(7), image).unwrap();
        writer.add(&thumb_entry(7), &jpeg(&[])).unwrap();
        let mut bytes = writer.take();
        bytes.extend(writer.finish().unwrap());
        bytes
    }

    #[test]
    fn a_picture_that_is_not_a_jpeg_is_refused() {
        let bytes = with_picture(b"<svg/>");
        assert!(matches!(unpack(&bytes), Err(ImportError::Archive(r)) if r.contains("JPEG")));
    }

    /// Issue 24: a file that only begins like a JPEG was kept as a broken picture.
    #[test]
    fn a_picture_that_only_begins_like_a_jpeg_is_refused() {
        let disguised = [
            &[0xFF, 0xD8, 0xFF][..],
            b"<html><body>not a photo</body></html>",
        ]
        .concat();
        let bytes = with_picture(&disguised);
        assert!(matches!(unpack(&bytes), Err(ImportError::Archive(r)) if r.contains("JPEG")));
    }

    #[test]
    fn photos_from_a_newer_version_are_refused() {
        let mut writer = ArchiveWriter::default();
        writer.add(BACKUP_ENTRY, b"{}").unwrap();
        writer
            .add(PHOTOS_ENTRY, br#"{"schema":99,"data":[]}"#)
            .unwrap();
        let mut bytes = writer.take();
        bytes.extend(writer.finish().unwrap());
        assert!(matches!(
            unpack(&bytes),
            Err(ImportError::Schema { part: "photos", .. })
        ));
    }
}
