//! Plain date arithmetic on milliseconds since the epoch and a UTC offset, so that
//! formatting is testable natively and never depends on the test machine's time zone.

/// Offset east of UTC in minutes at an instant (ms since the epoch): the device's zone in
/// the app, a fixed or scripted one in tests.
pub trait Zone {
    fn offset_minutes(&self, utc_ms: i64) -> i32;
}

impl<F: Fn(i64) -> i32> Zone for F {
    fn offset_minutes(&self, utc_ms: i64) -> i32 {
        self(utc_ms)
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// (year, month 1-12, day) of a day number counted from 1970-01-01 (Howard Hinnant's
/// civil-from-days algorithm).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// "29 Nov 2026, 23:05" for a time in ms and the local offset east of UTC in minutes.
pub fn format_local(ms: f64, offset_minutes: i32) -> String {
    let local_minutes = (ms / 60_000.0).floor() as i64 + i64::from(offset_minutes);
    let days = local_minutes.div_euclid(1440);
    let minute_of_day = local_minutes.rem_euclid(1440);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{day} {} {year}, {:02}:{:02}",
        MONTHS[(month - 1) as usize],
        minute_of_day / 60,
        minute_of_day % 60
    )
}

/// "2026-11-29": the local calendar day, for file names.
pub fn format_iso_day(ms: f64, offset_minutes: i32) -> String {
    let local_minutes = (ms / 60_000.0).floor() as i64 + i64::from(offset_minutes);
    let (year, month, day) = civil_from_days(local_minutes.div_euclid(1440));
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_and_leap_days() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }

    #[test]
    fn formats_with_the_given_offset_across_midnight() {
        // 2026-11-29 23:30 UTC
        let ms = 1_795_995_000_000.0;
        assert_eq!(format_local(ms, 0), "29 Nov 2026, 23:30");
        assert_eq!(format_local(ms, 60), "30 Nov 2026, 00:30");
        assert_eq!(format_local(ms, -300), "29 Nov 2026, 18:30");
        assert_eq!(format_iso_day(ms, 60), "2026-11-30");
    }
}
