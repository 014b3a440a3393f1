//! The touch-the-toes test (the Ipswich Touch Test, SPEC v3): a second person rests a
//! fingertip lightly for one or two seconds on the tips of the first, third and fifth toes
//! of each foot while the person's eyes are closed; they say "yes" when they feel it. Two or
//! more of the six not felt means the feet have lost their protective feeling.

use super::model::Foot;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Toe {
    Big,
    Middle,
    Little,
}

impl Toe {
    pub fn name(self) -> &'static str {
        match self {
            Toe::Big => "big toe",
            Toe::Middle => "middle toe",
            Toe::Little => "little toe",
        }
    }
}

/// The six touches, in the order the helper makes them.
pub const TOUCHES: [(Foot, Toe); 6] = [
    (Foot::Left, Toe::Big),
    (Foot::Left, Toe::Middle),
    (Foot::Left, Toe::Little),
    (Foot::Right, Toe::Big),
    (Foot::Right, Toe::Middle),
    (Foot::Right, Toe::Little),
];

/// How many toes not felt mean the feet have lost protective feeling.
pub const LOST_FEELING_AT: u32 = 2;

/// The toes not felt, one bit per touch of `TOUCHES`. Stored as that number (0 to 63); a
/// larger one, from a damaged or crafted file, is refused rather than read as something
/// the form could not have recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct TouchTest {
    not_felt: u8,
}

impl TryFrom<u8> for TouchTest {
    type Error = String;

    fn try_from(not_felt: u8) -> Result<Self, Self::Error> {
        if not_felt < 1 << TOUCHES.len() {
            Ok(TouchTest { not_felt })
        } else {
            Err(format!("touch test {not_felt} names more than six toes"))
        }
    }
}

impl From<TouchTest> for u8 {
    fn from(test: TouchTest) -> u8 {
        test.not_felt
    }
}

fn bit(index: usize) -> u8 {
    1 << index
}

impl TouchTest {
    pub fn felt(&self, index: usize) -> bool {
        self.not_felt & bit(index) == 0
    }

    /// Marks one touch as felt or not.
    pub fn set(&mut self, index: usize, felt: bool) {
        if index >= TOUCHES.len() {
            return;
        }
        if felt {
            self.not_felt &= !bit(index);
        } else {
            self.not_felt |= bit(index);
        }
    }

    pub fn not_felt_count(&self) -> u32 {
        self.not_felt.count_ones()
    }

    pub fn lost_protective_feeling(&self) -> bool {
        self.not_felt_count() >= LOST_FEELING_AT
    }

    /// One line for the history and the doctor's summary.
    pub fn summary(&self) -> String {
        let missed: Vec<String> = TOUCHES
            .iter()
            .enumerate()
            .filter(|(index, _)| !self.felt(*index))
            .map(|(_, (foot, toe))| {
                let side = if *foot == Foot::Left { "left" } else { "right" };
                format!("{side} {}", toe.name())
            })
            .collect();
        let verdict = if self.lost_protective_feeling() {
            ": the feet have lost some protective feeling"
        } else {
            ""
        };
        match missed.as_slice() {
            [] => "Touch test: all six toes felt".into(),
            _ => format!(
                "Touch test: {} of 6 toes not felt ({}){verdict}",
                missed.len(),
                missed.join(", ")
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_toes_not_felt_mean_lost_protective_feeling_one_does_not() {
        let mut test = TouchTest::default();
        assert!(!test.lost_protective_feeling());
        test.set(0, false);
        assert!(!test.lost_protective_feeling());
        test.set(5, false);
        assert!(test.lost_protective_feeling());
        assert_eq!(test.not_felt_count(), 2);
        assert_eq!(
            test.summary(),
            "Touch test: 2 of 6 toes not felt (left big toe, right little toe): the feet have lost some protective feeling"
        );
        test.set(5, true);
        assert_eq!(test.not_felt_count(), 1);
        assert_eq!(
            TouchTest::default().summary(),
            "Touch test: all six toes felt"
        );
    }

    #[test]
    fn stored_as_one_small_number_and_a_number_past_six_toes_is_refused() {
        let mut test = TouchTest::default();
        test.set(1, false);
        test.set(4, false);
        assert_eq!(serde_json::to_string(&test).unwrap(), "18");
        assert_eq!(serde_json::from_str::<TouchTest>("18").unwrap(), test);
        assert!(serde_json::from_str::<TouchTest>("64").is_err());
        assert!(serde_json::from_str::<TouchTest>("-1").is_err());
        test.set(9, false);
        assert_eq!(test.not_felt_count(), 2, "an index past the six is ignored");
    }
}
