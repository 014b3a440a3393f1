//! Which page a path shows; pure so it is tested natively.

/// Every page of the app; the path is the part after the app's base path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Quiz,
    QuizResult(String),
    QuizHistory,
    FootCheck,
    FootCheckHistory,
    Reminders,
    Tonight,
    Diary,
    LearnIndex,
    LearnSection(String),
    Settings,
    NotFound,
}

impl Route {
    /// `path` without the base, query or hash; a trailing slash is ignored.
    pub fn parse(path: &str) -> Route {
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Route::Home,
            ["quiz"] => Route::Quiz,
            ["quiz", "history"] => Route::QuizHistory,
            ["quiz", "result", id] => Route::QuizResult((*id).to_string()),
            ["foot-check"] => Route::FootCheck,
            ["foot-check", "history"] => Route::FootCheckHistory,
            ["reminders"] => Route::Reminders,
            ["tonight"] => Route::Tonight,
            ["diary"] => Route::Diary,
            ["learn"] => Route::LearnIndex,
            ["learn", condition] => Route::LearnSection((*condition).to_string()),
            ["settings"] => Route::Settings,
            _ => Route::NotFound,
        }
    }

    /// The named parameter of the routes that have one (`:id`, `:condition`).
    pub fn param(&self, name: &str) -> Option<&str> {
        match (self, name) {
            (Route::QuizResult(id), "id") => Some(id),
            (Route::LearnSection(condition), "condition") => Some(condition),
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
            ("/quiz/result/42", Route::QuizResult("42".into())),
            ("/foot-check", Route::FootCheck),
            ("/foot-check/history", Route::FootCheckHistory),
            ("/reminders", Route::Reminders),
            ("/tonight", Route::Tonight),
            ("/diary", Route::Diary),
            ("/learn", Route::LearnIndex),
            (
                "/learn/neuropathy",
                Route::LearnSection("neuropathy".into()),
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
        ] {
            assert_eq!(Route::parse(path), Route::NotFound, "{path}");
        }
    }

    #[test]
    fn parameters_by_name() {
        assert_eq!(Route::parse("/quiz/result/7").param("id"), Some("7"));
        assert_eq!(Route::parse("/quiz/result/7").param("condition"), None);
        assert_eq!(
            Route::parse("/learn/neuropathy").param("condition"),
            Some("neuropathy")
        );
        assert_eq!(Route::Home.param("id"), None);
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
