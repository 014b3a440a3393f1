//! Which page a path shows; pure so it is tested natively. A route's parameter is parsed
//! here, once, into its type: a path whose parameter cannot be one is not found.

use crate::clinical::Condition;
use crate::learn::warnings;

/// A saved result's id, as its address carries it (`/quiz/result/:id`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ResultId(pub u64);

/// What `/learn/:page` shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LearnPage {
    Cause(Condition),
    WarningSigns,
}

/// Every page of the app; the path is the part after the app's base path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Quiz,
    QuizResult(ResultId),
    QuizHistory,
    FootCheck,
    FootCheckHistory,
    Reminders,
    Tonight,
    Diary,
    LearnIndex,
    LearnSection(LearnPage),
    Settings,
    NotFound,
}

impl Route {
    /// A task done step by step (the check, the foot check, the check-in): it gets the
    /// whole screen, with the navigation behind a "Leave" in the header.
    pub fn is_task_flow(&self) -> bool {
        matches!(self, Route::Quiz | Route::FootCheck | Route::Tonight)
    }

    /// `path` without the base, query or hash; a trailing slash is ignored.
    pub fn parse(path: &str) -> Route {
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Route::Home,
            ["quiz"] => Route::Quiz,
            ["quiz", "history"] => Route::QuizHistory,
            ["quiz", "result", id] => match id.parse() {
                Ok(id) => Route::QuizResult(ResultId(id)),
                Err(_) => Route::NotFound,
            },
            ["foot-check"] => Route::FootCheck,
            ["foot-check", "history"] => Route::FootCheckHistory,
            ["reminders"] => Route::Reminders,
            ["tonight"] => Route::Tonight,
            ["diary"] => Route::Diary,
            ["learn"] => Route::LearnIndex,
            ["learn", page] if *page == warnings::PAGE => {
                Route::LearnSection(LearnPage::WarningSigns)
            }
            ["learn", page] => match Condition::from_id(page) {
                Some(condition) => Route::LearnSection(LearnPage::Cause(condition)),
                None => Route::NotFound,
            },
            ["settings"] => Route::Settings,
            _ => Route::NotFound,
        }
    }

    pub fn result_id(&self) -> Option<ResultId> {
        match self {
            Route::QuizResult(id) => Some(*id),
            _ => None,
        }
    }

    pub fn learn_page(&self) -> Option<LearnPage> {
        match self {
            Route::LearnSection(page) => Some(*page),
            _ => None,
        }
    }
}

/// The app path of `pathname` when it lies under `base` (`""` or `"/sub"`), so that the
/// router leaves every other URL of the origin to the browser.
pub fn app_path(base: &str, pathname: &str) -> Option<String> {
    let rest = pathname.strip_prefix(base)?;
    if rest.is_empty() {
        Some("/".into())
    } else if rest.starts_with('/') {
        Some(rest.to_string())
    } else {
        None
    }
}

/// Whether a link to `href` marks the page at `current` as its own (`aria-current`):
/// the same path, or (unless `exact`) a page below it, as `leptos_router` does.
pub fn is_current(href: &str, current: &str, exact: bool) -> bool {
    let href = href
        .split(['?', '#'])
        .next()
        .unwrap_or(href)
        .trim_end_matches('/');
    let current = current.trim_end_matches('/');
    href == current || !exact && current.starts_with(href) && current[href.len()..].starts_with('/')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_has_its_path() {
        for (path, route) in [
            ("/", Route::Home),
            ("", Route::Home),
            ("/quiz", Route::Quiz),
            ("/quiz/", Route::Quiz),
            ("/quiz/history", Route::QuizHistory),
            ("/quiz/result/42", Route::QuizResult(ResultId(42))),
            ("/foot-check", Route::FootCheck),
            ("/foot-check/history", Route::FootCheckHistory),
            ("/reminders", Route::Reminders),
            ("/tonight", Route::Tonight),
            ("/diary", Route::Diary),
            ("/learn", Route::LearnIndex),
            (
                "/learn/neuropathy",
                Route::LearnSection(LearnPage::Cause(Condition::Neuropathy)),
            ),
            (
                "/learn/warning-signs",
                Route::LearnSection(LearnPage::WarningSigns),
            ),
            ("/settings", Route::Settings),
        ] {
            assert_eq!(Route::parse(path), route, "{path}");
        }
    }

    #[test]
    fn anything_else_is_not_found() {
        for path in [
            "/no/such/page",
            "/quiz/result",
            "/quiz/result/1/2",
            "/learn/a/b",
            "/Quiz",
            "/quiz/result/seven",
            "/quiz/result/-1",
            "/learn/no_such_cause",
        ] {
            assert_eq!(Route::parse(path), Route::NotFound, "{path}");
        }
    }

    #[test]
    fn parameters_come_typed() {
        assert_eq!(
            Route::parse("/quiz/result/7").result_id(),
            Some(ResultId(7))
        );
        assert_eq!(Route::parse("/quiz/result/7").learn_page(), None);
        assert_eq!(
            Route::parse("/learn/night_cramps").learn_page(),
            Some(LearnPage::Cause(Condition::NightCramps))
        );
        assert_eq!(Route::Home.result_id(), None);
    }

    #[test]
    fn every_cause_has_its_learn_address() {
        for &condition in Condition::ALL {
            assert_eq!(
                Route::parse(&format!("/learn/{}", condition.id())),
                Route::LearnSection(LearnPage::Cause(condition))
            );
        }
    }

    #[test]
    fn only_paths_under_the_base_belong_to_the_app() {
        assert_eq!(app_path("", "/quiz").as_deref(), Some("/quiz"));
        assert_eq!(app_path("/legs", "/legs").as_deref(), Some("/"));
        assert_eq!(app_path("/legs", "/legs/quiz").as_deref(), Some("/quiz"));
        assert_eq!(app_path("/legs", "/legsandarms/quiz"), None);
        assert_eq!(app_path("/legs", "/other"), None);
    }

    #[test]
    fn current_link_matches_the_page_or_its_subpages() {
        assert!(is_current("/learn", "/learn", false));
        assert!(is_current("/learn", "/learn/neuropathy", false));
        assert!(!is_current("/learn", "/learning", false));
        assert!(!is_current("/", "/quiz", true));
        assert!(is_current("/", "/", true));
        assert!(!is_current("/learn", "/learn/neuropathy", true));
        assert!(is_current("/quiz?x=1", "/quiz", true));
    }
}
