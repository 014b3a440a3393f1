//! What the diary shows: the series for the chart, honest patterns (only with enough
//! nights, with the counts), and nudges. Pure.

use super::model::{Entry, Helper, Place};
use crate::clinical::{assess, Urgency};

/// Nights needed on each side before a comparison is shown at all.
pub const MIN_NIGHTS_PER_SIDE: usize = 5;

/// One point per night in the window, oldest first; `None` where nothing was entered.
pub fn series(entries: &[Entry], last_night: i64, nights: i64) -> Vec<(i64, Option<&Entry>)> {
    (last_night - nights + 1..=last_night)
        .map(|night| (night, entries.iter().find(|e| e.night == night)))
        .collect()
}

#[derive(Debug, Clone, PartialEq)]
pub struct MoisturePattern {
    pub with_mean: f64,
    pub with_nights: usize,
    pub without_mean: f64,
    pub without_nights: usize,
}

impl MoisturePattern {
    pub fn sentence(&self) -> String {
        let direction = if self.with_mean < self.without_mean {
            "lower"
        } else if self.with_mean > self.without_mean {
            "higher"
        } else {
            "the same"
        };
        format!(
            "On nights with heel or foot pain, your pain was {direction} when you moisturised: {:.1} on average over {} nights, against {:.1} over {} nights without.",
            self.with_mean, self.with_nights, self.without_mean, self.without_nights
        )
    }
}

/// Heel and foot pain on moisturised nights against the others, within the last `nights`.
pub fn moisture_pattern(
    entries: &[Entry],
    last_night: i64,
    nights: i64,
) -> Option<MoisturePattern> {
    let relevant: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.night > last_night - nights && e.night <= last_night)
        .filter(|e| {
            e.places
                .iter()
                .any(|p| matches!(p, Place::HeelSkin | Place::Feet))
        })
        .collect();
    let (with_mean, with_nights, without_mean, without_nights) =
        compare(relevant.into_iter(), |e| e.moisturized)?;
    Some(MoisturePattern {
        with_mean,
        with_nights,
        without_mean,
        without_nights,
    })
}

/// Mean pain on the nights where `applies` holds against the other nights, with both
/// counts; `None` unless each side has `MIN_NIGHTS_PER_SIDE`.
fn compare<'a>(
    nights: impl Iterator<Item = &'a Entry>,
    applies: impl Fn(&Entry) -> bool,
) -> Option<(f64, usize, f64, usize)> {
    let mean = |list: &[&Entry]| {
        list.iter()
            .filter_map(|e| e.pain)
            .map(f64::from)
            .sum::<f64>()
            / list.len() as f64
    };
    // A night without a pain score says nothing about pain: it counts on neither side.
    let (with, without): (Vec<&Entry>, Vec<&Entry>) = nights
        .filter(|e| e.pain.is_some())
        .partition(|e| applies(e));
    (with.len() >= MIN_NIGHTS_PER_SIDE && without.len() >= MIN_NIGHTS_PER_SIDE)
        .then(|| (mean(&with), with.len(), mean(&without), without.len()))
}

/// Something ticked under "What helped", against the nights it was not.
#[derive(Debug, Clone, PartialEq)]
pub struct HelperPattern {
    pub helper: Helper,
    pub with_mean: f64,
    pub with_nights: usize,
    pub without_mean: f64,
    pub without_nights: usize,
}

impl HelperPattern {
    /// An observation with its counts, never a claim that one caused the other.
    pub fn sentence(&self) -> String {
        format!(
            "{}: pain {:.1} of 10 on average over {} nights with it; {:.1} over {} nights without.",
            self.helper.label(),
            self.with_mean,
            self.with_nights,
            self.without_mean,
            self.without_nights
        )
    }
}

/// What went with lower pain within the last `nights`: each thing that may have helped,
/// only with enough nights on both sides and only where pain was lower with it, the
/// largest difference first.
pub fn what_went_with_lower_pain(
    entries: &[Entry],
    last_night: i64,
    nights: i64,
) -> Vec<HelperPattern> {
    let window = || {
        entries
            .iter()
            .filter(move |e| e.night > last_night - nights && e.night <= last_night)
    };
    let mut patterns: Vec<HelperPattern> = Helper::ALL
        .iter()
        .filter_map(|helper| {
            let (with_mean, with_nights, without_mean, without_nights) =
                compare(window(), |e| e.helped.contains(helper))?;
            (with_mean < without_mean).then_some(HelperPattern {
                helper: *helper,
                with_mean,
                with_nights,
                without_mean,
                without_nights,
            })
        })
        .collect();
    patterns
        .sort_by(|a, b| (a.with_mean - a.without_mean).total_cmp(&(b.with_mean - b.without_mean)));
    patterns
}

#[derive(Debug, Clone, PartialEq)]
pub enum Nudge {
    /// A warning sign was ticked: the urgency of the quiz's rules.
    WarningSign(Urgency),
    /// Pain has been rising over the last two weeks.
    PainRising { first_week: f64, last_week: f64 },
}

impl Nudge {
    pub fn text(&self) -> String {
        match self {
            Nudge::WarningSign(urgency) => format!("You noted a warning sign. {} {}", urgency.headline(), urgency.action()),
            Nudge::PainRising { first_week, last_week } => format!(
                "Your pain has been rising over two weeks (from {first_week:.1} to {last_week:.1} on average). Take the symptom check, and see a doctor if it keeps rising."
            ),
        }
    }
}

/// Rising: at least four nights in each of the two weeks, and the second week's average
/// at least 1.5 points above the first.
pub fn nudges(entries: &[Entry], last_night: i64) -> Vec<Nudge> {
    let mut out = Vec::new();
    if let Some(tonight) = entries.iter().find(|e| e.night == last_night) {
        if !tonight.warnings.is_empty() {
            out.push(Nudge::WarningSign(assess(&tonight.warnings).urgency));
        }
    }
    let week = |from: i64| -> Vec<f64> {
        entries
            .iter()
            .filter(|e| e.night > from - 7 && e.night <= from)
            .filter_map(|e| e.pain)
            .map(f64::from)
            .collect()
    };
    let (first, last) = (week(last_night - 7), week(last_night));
    if first.len() >= 4 && last.len() >= 4 {
        let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
        let (first_week, last_week) = (mean(&first), mean(&last));
        if last_week - first_week >= 1.5 {
            out.push(Nudge::PainRising {
                first_week,
                last_week,
            });
        }
    }
    out
}

/// The last 30 nights as text lines, for the doctor's summary.
pub fn summary_lines(entries: &[Entry], last_night: i64) -> Vec<String> {
    series(entries, last_night, 30)
        .into_iter()
        .filter_map(|(night, entry)| entry.map(|e| (night, e)))
        .map(|(night, e)| {
            let (_, month, day) = crate::dates::civil_from_days(night);
            let places: Vec<_> = e.places.iter().map(|p| p.label().to_lowercase()).collect();
            let positions: Vec<_> = e
                .positions
                .iter()
                .map(|p| p.label().to_lowercase())
                .collect();
            format!(
                "{day:02}/{month:02}: {}{}{}{}",
                e.pain
                    .map_or("pain not recorded".to_string(), |pain| format!(
                        "pain {pain}/10"
                    )),
                if places.is_empty() {
                    String::new()
                } else {
                    format!(", {}", places.join(", "))
                },
                if positions.is_empty() {
                    String::new()
                } else {
                    format!("; worse: {}", positions.join(", "))
                },
                if e.moisturized { "; moisturised" } else { "" }
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::Finding;

    fn night(n: i64, pain: u8, moisturized: bool) -> Entry {
        Entry {
            night: n,
            pain: Some(pain),
            places: vec![Place::HeelSkin],
            moisturized,
            ..Default::default()
        }
    }

    #[test]
    fn the_series_has_a_slot_for_every_night_even_empty_ones() {
        let entries = vec![night(98, 3, false), night(100, 5, true)];
        let s = series(&entries, 100, 3);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].1.and_then(|e| e.pain), Some(3));
        assert!(s[1].1.is_none());
    }

    #[test]
    fn the_moisture_pattern_needs_enough_nights_and_shows_its_counts() {
        let mut entries: Vec<Entry> = (0..4).map(|i| night(90 + i, 2, true)).collect();
        entries.extend((0..6).map(|i| night(80 + i, 6, false)));
        assert_eq!(
            moisture_pattern(&entries, 100, 30),
            None,
            "four moisturised nights are not enough"
        );
        entries.push(night(95, 3, true));
        let pattern = moisture_pattern(&entries, 100, 30).unwrap();
        assert_eq!((pattern.with_nights, pattern.without_nights), (5, 6));
        assert!(pattern.sentence().contains(
            "lower when you moisturised: 2.2 on average over 5 nights, against 6.0 over 6 nights"
        ));
    }

    /// Issue 26: nights without a pain score counted as pain 0 in every average.
    #[test]
    fn nights_without_a_pain_score_count_in_no_average() {
        let mut entries: Vec<Entry> = (0..6)
            .map(|n| helped(100 + n, 6, &[Helper::Pillow]))
            .chain((6..12).map(|n| helped(100 + n, 6, &[])))
            .collect();
        let baseline = what_went_with_lower_pain(&entries, 111, 30);
        assert!(baseline.is_empty(), "{baseline:?}");
        // Six skipped nights with the pillow: not six pain-free ones.
        entries.extend((12..18).map(|n| Entry {
            night: 100 + n,
            pain: None,
            helped: vec![Helper::Pillow],
            ..Default::default()
        }));
        assert!(what_went_with_lower_pain(&entries, 117, 30).is_empty());
        let line = summary_lines(&entries, 117).pop().unwrap();
        assert!(line.contains("pain not recorded"), "{line}");
    }

    fn helped(n: i64, pain: u8, with: &[Helper]) -> Entry {
        Entry {
            night: n,
            pain: Some(pain),
            helped: with.to_vec(),
            ..Default::default()
        }
    }

    #[test]
    fn what_helped_shows_only_from_five_nights_on_each_side_with_its_counts() {
        // Four nights with a pillow, five without: not yet.
        let mut entries: Vec<Entry> = (0..4)
            .map(|i| helped(90 + i, 3, &[Helper::Pillow]))
            .collect();
        entries.extend((0..5).map(|i| helped(80 + i, 6, &[])));
        assert!(what_went_with_lower_pain(&entries, 100, 30).is_empty());
        // The fifth night with it: shown, with both counts.
        entries.push(helped(95, 3, &[Helper::Pillow]));
        let found = what_went_with_lower_pain(&entries, 100, 30);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].sentence(),
            "A pillow between or under the knees: pain 3.0 of 10 on average over 5 nights with it; 6.0 over 5 nights without."
        );
        // Five with but only four without: not shown either.
        entries.retain(|e| e.night != 80);
        assert!(what_went_with_lower_pain(&entries, 100, 30).is_empty());
    }

    #[test]
    fn what_helped_leaves_out_what_went_with_more_pain_and_nights_outside_the_window() {
        let mut entries: Vec<Entry> = (0..5)
            .map(|i| helped(90 + i, 7, &[Helper::Painkiller]))
            .collect();
        entries.extend((0..5).map(|i| helped(95 + i, 2, &[Helper::Moving])));
        let found = what_went_with_lower_pain(&entries, 100, 30);
        assert_eq!(
            found.iter().map(|p| p.helper).collect::<Vec<_>>(),
            [Helper::Moving]
        );
        assert!(what_went_with_lower_pain(&entries, 100, 8).is_empty());
    }

    #[test]
    fn rising_pain_over_two_weeks_nudges_towards_the_quiz() {
        let mut entries: Vec<Entry> = (87..=93).map(|n| night(n, 2, false)).collect();
        entries.extend((94..=100).map(|n| night(n, 5, false)));
        let nudges = nudges(&entries, 100);
        assert!(matches!(nudges.as_slice(), [Nudge::PainRising { .. }]));
        assert!(nudges[0].text().contains("symptom check"));
        let flat: Vec<Entry> = (87..=100).map(|n| night(n, 4, false)).collect();
        assert!(super::nudges(&flat, 100).is_empty());
    }

    #[test]
    fn a_warning_sign_tonight_uses_the_quiz_urgency() {
        let entries = vec![Entry {
            night: 100,
            warnings: vec![Finding::OneLegSwollenWarmRed],
            ..Default::default()
        }];
        assert_eq!(
            nudges(&entries, 100),
            vec![Nudge::WarningSign(Urgency::Urgent)]
        );
        let chest = vec![Entry {
            night: 100,
            warnings: vec![Finding::ChestPainOrBreathless],
            ..Default::default()
        }];
        assert_eq!(
            nudges(&chest, 100),
            vec![Nudge::WarningSign(Urgency::Emergency)]
        );
    }

    #[test]
    fn doctor_lines_list_the_nights_with_entries() {
        let entries = vec![night(20_786, 4, true)];
        assert_eq!(
            summary_lines(&entries, 20_786),
            vec!["29/11: pain 4/10, heel or sole skin; moisturised"]
        );
    }
}
