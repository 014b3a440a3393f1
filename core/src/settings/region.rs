//! Where the person lives, for the numbers to call: one table, one row a region, each
//! number with where it comes from. A warning names the number to tap, not "999 in the
//! UK, 112 in Europe, 911 in the US" for a frightened person to work out at 2 am.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Stored by its code ("gb"), read through `from_code`: a derived enum decoder cost the
/// first load (which reads the settings for the theme) half a kilobyte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    UnitedKingdom,
    Ireland,
    UnitedStates,
    Canada,
    Australia,
    NewZealand,
    Elsewhere,
}

impl Serialize for Region {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Region {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Region::from_code(&code)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown region {code:?}")))
    }
}

/// Whom to call, and how: the digits a `tel:` link dials, and the words a person reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// Digits only, for `tel:`. None where the service has no one number (a GP's own
    /// out-of-hours line).
    pub dial: Option<&'static str>,
    /// As the person reads it: "999", "NHS 111", "your GP's out-of-hours service".
    pub name: &'static str,
}

/// A region's two numbers: the emergency one, and the line for help "now, not tomorrow".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HelpNumbers {
    pub emergency: Line,
    pub urgent: Line,
    /// Said beside the emergency number where it needs saying ("also 999").
    pub note: &'static str,
}

const fn line(dial: &'static str, name: &'static str) -> Line {
    Line {
        dial: Some(dial),
        name,
    }
}

const fn no_number(name: &'static str) -> Line {
    Line { dial: None, name }
}

impl Region {
    pub const ALL: [Region; 7] = [
        Region::UnitedKingdom,
        Region::Ireland,
        Region::UnitedStates,
        Region::Canada,
        Region::Australia,
        Region::NewZealand,
        Region::Elsewhere,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Region::UnitedKingdom => "United Kingdom",
            Region::Ireland => "Ireland",
            Region::UnitedStates => "United States",
            Region::Canada => "Canada",
            Region::Australia => "Australia",
            Region::NewZealand => "New Zealand",
            Region::Elsewhere => "Somewhere else",
        }
    }

    /// The short code it is stored and chosen by.
    pub fn code(self) -> &'static str {
        match self {
            Region::UnitedKingdom => "gb",
            Region::Ireland => "ie",
            Region::UnitedStates => "us",
            Region::Canada => "ca",
            Region::Australia => "au",
            Region::NewZealand => "nz",
            Region::Elsewhere => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Region> {
        Region::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn numbers(self) -> HelpNumbers {
        match self {
            // NHS: "call 999" in an emergency; NHS 111 for urgent help that is not an emergency.
            Region::UnitedKingdom => HelpNumbers {
                emergency: line("999", "999"),
                urgent: line("111", "NHS 111"),
                note: "",
            },
            // HSE: 112 or 999 for emergencies; a GP out-of-hours service when the surgery is closed.
            Region::Ireland => HelpNumbers {
                emergency: line("112", "112"),
                urgent: no_number("your GP's out-of-hours service"),
                note: "999 works too.",
            },
            // 911 (FCC); urgent care through the doctor's after-hours line or an urgent-care clinic.
            Region::UnitedStates => HelpNumbers {
                emergency: line("911", "911"),
                urgent: no_number("your doctor's after-hours line or an urgent-care clinic"),
                note: "",
            },
            // 911 in Canada; 811 is the provinces' health line (HealthLink BC, Health811, Info-Santé).
            Region::Canada => HelpNumbers {
                emergency: line("911", "911"),
                urgent: line("811", "811"),
                note: "",
            },
            // Triple Zero (000); healthdirect 1800 022 222 (healthdirect.gov.au).
            Region::Australia => HelpNumbers {
                emergency: line("000", "000"),
                urgent: line("1800022222", "healthdirect, 1800 022 222"),
                note: "",
            },
            // 111 in New Zealand; Healthline 0800 611 116 (healthline.govt.nz).
            Region::NewZealand => HelpNumbers {
                emergency: line("111", "111"),
                urgent: line("0800611116", "Healthline, 0800 611 116"),
                note: "",
            },
            // 112 reaches the emergency services from a mobile phone in the EU and most
            // GSM countries, and is redirected in many others.
            Region::Elsewhere => HelpNumbers {
                emergency: line("112", "112"),
                urgent: no_number("your local urgent-care or out-of-hours service"),
                note: "112 works from a mobile phone in most countries; your local emergency number works too.",
            },
        }
    }

    /// The likeliest region from the browser's language tag ("en-GB") and time zone
    /// ("Europe/London"). The time zone says where the phone is; the language only says
    /// where its owner set it up ("en-US" is many phones' default), so it decides only
    /// where the zone cannot.
    pub fn guess(language: &str, time_zone: &str) -> Region {
        if let Some(region) = from_time_zone(time_zone) {
            return region;
        }
        let country = language
            .split(['-', '_'])
            .nth(1)
            .unwrap_or("")
            .to_ascii_uppercase();
        match country.as_str() {
            "GB" | "UK" => Region::UnitedKingdom,
            "IE" => Region::Ireland,
            "US" => Region::UnitedStates,
            "CA" => Region::Canada,
            "AU" => Region::Australia,
            "NZ" => Region::NewZealand,
            _ => Region::Elsewhere,
        }
    }
}

/// Canada's zones among the many `America/` ones.
const CANADIAN_ZONES: &[&str] = &[
    "St_Johns",
    "Halifax",
    "Glace_Bay",
    "Moncton",
    "Goose_Bay",
    "Toronto",
    "Montreal",
    "Nipigon",
    "Thunder_Bay",
    "Iqaluit",
    "Winnipeg",
    "Rainy_River",
    "Rankin_Inlet",
    "Regina",
    "Swift_Current",
    "Edmonton",
    "Calgary",
    "Yellowknife",
    "Inuvik",
    "Cambridge_Bay",
    "Vancouver",
    "Whitehorse",
    "Dawson",
    "Dawson_Creek",
    "Fort_Nelson",
    "Creston",
    "Atikokan",
    "Blanc-Sablon",
];

/// The United States' zones among the `America/` ones.
const US_ZONES: &[&str] = &[
    "New_York",
    "Chicago",
    "Denver",
    "Los_Angeles",
    "Phoenix",
    "Anchorage",
    "Detroit",
    "Boise",
    "Juneau",
    "Sitka",
    "Nome",
    "Adak",
    "Menominee",
    "Metlakatla",
    "Yakutat",
];

fn from_time_zone(zone: &str) -> Option<Region> {
    let (area, place) = zone.split_once('/').unwrap_or((zone, ""));
    Some(match (area, place) {
        ("Europe", "London" | "Belfast") | ("GB" | "GB-Eire", _) => Region::UnitedKingdom,
        ("Europe", "Dublin") | ("Eire", _) => Region::Ireland,
        ("America", place) if CANADIAN_ZONES.contains(&place) => Region::Canada,
        ("America", place)
            if US_ZONES.contains(&place)
                || ["Indiana/", "Kentucky/", "North_Dakota/"]
                    .iter()
                    .any(|state| place.starts_with(state)) =>
        {
            Region::UnitedStates
        }
        ("Canada", _) => Region::Canada,
        ("Pacific", "Auckland" | "Chatham") | ("NZ" | "NZ-CHAT", _) => Region::NewZealand,
        ("Australia", _) => Region::Australia,
        ("US", _) | ("Pacific", "Honolulu") => Region::UnitedStates,
        // The rest of the Americas are many countries; the language tag decides.
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_has_an_emergency_number_to_tap_and_an_urgent_line() {
        for region in Region::ALL {
            let numbers = region.numbers();
            let dial = numbers.emergency.dial.unwrap_or_default();
            assert!(
                !dial.is_empty() && dial.chars().all(|c| c.is_ascii_digit()),
                "{region:?}"
            );
            assert!(!numbers.urgent.name.is_empty(), "{region:?}");
            if let Some(urgent) = numbers.urgent.dial {
                assert!(urgent.chars().all(|c| c.is_ascii_digit()), "{region:?}");
            }
            assert_eq!(Region::from_code(region.code()), Some(region));
        }
        assert_eq!(Region::UnitedKingdom.numbers().urgent.dial, Some("111"));
        assert_eq!(Region::Australia.numbers().emergency.dial, Some("000"));
    }

    #[test]
    fn a_region_is_stored_by_its_code_and_an_unknown_code_is_refused() {
        for region in Region::ALL {
            let json = serde_json::to_string(&region).unwrap();
            assert_eq!(json, format!("{:?}", region.code()));
            assert_eq!(serde_json::from_str::<Region>(&json).unwrap(), region);
        }
        assert!(serde_json::from_str::<Region>("\"mars\"").is_err());
        assert!(serde_json::from_str::<Region>("7").is_err());
    }

    #[test]
    fn the_time_zone_decides_before_the_language() {
        assert_eq!(
            Region::guess("en-US", "Europe/London"),
            Region::UnitedKingdom
        );
        assert_eq!(Region::guess("en-US", "America/Toronto"), Region::Canada);
        assert_eq!(Region::guess("fr-CA", "America/Montreal"), Region::Canada);
        assert_eq!(
            Region::guess("en-US", "Australia/Sydney"),
            Region::Australia
        );
        assert_eq!(
            Region::guess("en-GB", "Pacific/Auckland"),
            Region::NewZealand
        );
        assert_eq!(Region::guess("en-IE", "Europe/Dublin"), Region::Ireland);
        assert_eq!(
            Region::guess("en-US", "America/New_York"),
            Region::UnitedStates
        );
        assert_eq!(
            Region::guess("es-US", "America/Chicago"),
            Region::UnitedStates
        );
        assert_eq!(
            Region::guess("en", "America/Indiana/Indianapolis"),
            Region::UnitedStates
        );
        // America/ zones outside Canada: the language, and a Spanish phone in Mexico City
        // is somewhere else.
        assert_eq!(
            Region::guess("es-MX", "America/Mexico_City"),
            Region::Elsewhere
        );
        assert_eq!(Region::guess("de-DE", "Europe/Berlin"), Region::Elsewhere);
        // Nothing known: nothing assumed.
        assert_eq!(Region::guess("", ""), Region::Elsewhere);
        assert_eq!(Region::guess("en", "UTC"), Region::Elsewhere);
    }
}
