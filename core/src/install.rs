//! Adding the app to the home screen: how this browser does it, and when the app may offer
//! it. Pure: the app passes in what the browser says about itself.

use crate::storage::keys::Key;
use serde::{Deserialize, Serialize};

/// How long "Not now" keeps the offer away.
pub const NOT_NOW_DAYS: i64 = 30;
const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// How this browser adds a web app to the home screen, or that it already has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way {
    /// Running from the home screen already.
    Installed,
    /// A Chromium browser has its own install prompt ready (`beforeinstallprompt`).
    Prompt,
    /// A Chromium browser without a prompt ready: its menu has the item.
    ChromiumMenu,
    /// Safari on an iPhone: Share sits in the bottom bar.
    SafariPhone,
    /// Safari on an iPad: Share sits at the top, beside the address.
    SafariTablet,
    /// Safari on a Mac, or another WebKit browser on a computer.
    SafariComputer,
    /// Another app's built-in browser (mail, social apps) on an iPhone or iPad: only
    /// Safari can add the page.
    OpenInSafari,
    /// Firefox on Android: its menu's Install.
    FirefoxAndroid,
    /// A browser that cannot add web apps (Firefox on a computer, an Android app's
    /// built-in browser).
    Cannot,
}

/// What the browser says about itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Browser<'a> {
    pub user_agent: &'a str,
    /// `navigator.maxTouchPoints`: an iPad asking for desktop pages says "Macintosh".
    pub touch_points: u32,
    /// `display-mode: standalone`, or `navigator.standalone` on iOS.
    pub standalone: bool,
    /// The browser's own install prompt is kept and unused.
    pub prompt_ready: bool,
}

/// Built-in browsers of apps on iOS name themselves in the user agent; WebKit views
/// without a name have no "Safari/" token at all.
const IOS_APP_BROWSERS: [&str; 9] = [
    "FBAN",
    "FBAV",
    "Instagram",
    "Line/",
    "Twitter",
    "LinkedInApp",
    "GSA/",
    "Snapchat",
    "MicroMessenger",
];
const ANDROID_APP_BROWSERS: [&str; 4] = ["; wv)", "FB_IAB", "Instagram", "Line/"];

impl Browser<'_> {
    pub fn way(&self) -> Way {
        let ua = self.user_agent;
        let has = |token: &str| ua.contains(token);
        if self.standalone {
            return Way::Installed;
        }
        if self.prompt_ready {
            return Way::Prompt;
        }
        let ipad = has("iPad") || (has("Macintosh") && self.touch_points > 1);
        let ios = ipad || has("iPhone") || has("iPod");
        if ios {
            let in_app = !has("Safari/") || IOS_APP_BROWSERS.iter().any(|t| has(t));
            // Chrome, Firefox and Edge on iOS are Safari's engine with their own menus;
            // Safari's steps are the ones that always work.
            let other_browser = has("CriOS") || has("FxiOS") || has("EdgiOS");
            return match (in_app || other_browser, ipad) {
                (true, _) => Way::OpenInSafari,
                (false, true) => Way::SafariTablet,
                (false, false) => Way::SafariPhone,
            };
        }
        let android = has("Android");
        if android && ANDROID_APP_BROWSERS.iter().any(|t| has(t)) {
            return Way::Cannot;
        }
        if has("Firefox/") {
            return if android {
                Way::FirefoxAndroid
            } else {
                Way::Cannot
            };
        }
        if has("Chrome/") || has("Chromium/") || has("Edg/") || has("SamsungBrowser") {
            return Way::ChromiumMenu;
        }
        if has("AppleWebKit") && has("Safari/") {
            return Way::SafariComputer;
        }
        Way::Cannot
    }

    /// Safari deletes what a site stored after some days without a visit, unless the site
    /// is on the home screen.
    pub fn may_lose_data(&self) -> bool {
        matches!(
            self.way(),
            Way::SafariPhone | Way::SafariTablet | Way::SafariComputer | Way::OpenInSafari
        )
    }
}

/// What the person did with the offer, kept on this device only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Record {
    /// When "Not now" was chosen (or the browser's prompt declined), in ms.
    pub not_now_ms: Option<i64>,
    /// When the browser said the app was installed, in ms.
    pub installed_ms: Option<i64>,
}

impl Record {
    /// Whether the offer may show now, after something worth keeping was saved.
    pub fn may_offer(&self, way: Way, now_ms: i64) -> bool {
        let can = !matches!(way, Way::Installed | Way::Cannot);
        let put_off = self
            .not_now_ms
            .is_some_and(|at| now_ms - at < NOT_NOW_DAYS * DAY_MS);
        can && self.installed_ms.is_none() && !put_off
    }
}

pub const KEY: Key = Key {
    name: "lan.install",
    schema: 1,
    migrations: &[],
    label: "Your answer to the offer to add the app to the home screen",
    words: "your answer to the home-screen offer",
    backup_part: None,
};

#[cfg(test)]
mod tests {
    use super::*;

    const IPHONE_SAFARI: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1";
    const IPAD_DESKTOP_MODE: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15";
    const IPHONE_INSTAGRAM: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/22F76 Instagram 380.0.0.28.104";
    const IPHONE_MAIL_VIEW: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148";
    const IPHONE_CHROME: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/137.0 Mobile/15E148 Safari/604.1";
    const ANDROID_CHROME: &str = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/137.0.0.0 Mobile Safari/537.36";
    const ANDROID_FIREFOX: &str =
        "Mozilla/5.0 (Android 14; Mobile; rv:140.0) Gecko/140.0 Firefox/140.0";
    const ANDROID_WEBVIEW: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 8; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/137.0 Mobile Safari/537.36";
    const DESKTOP_FIREFOX: &str =
        "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
    const LINUX_WEBKIT: &str = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15";

    fn way(user_agent: &str, touch_points: u32) -> Way {
        Browser {
            user_agent,
            touch_points,
            standalone: false,
            prompt_ready: false,
        }
        .way()
    }

    #[test]
    fn each_browser_gets_its_own_way() {
        assert_eq!(way(IPHONE_SAFARI, 5), Way::SafariPhone);
        assert_eq!(way(IPAD_DESKTOP_MODE, 5), Way::SafariTablet);
        assert_eq!(way(IPAD_DESKTOP_MODE, 0), Way::SafariComputer);
        assert_eq!(way(IPHONE_INSTAGRAM, 5), Way::OpenInSafari);
        assert_eq!(way(IPHONE_MAIL_VIEW, 5), Way::OpenInSafari);
        assert_eq!(way(IPHONE_CHROME, 5), Way::OpenInSafari);
        assert_eq!(way(ANDROID_CHROME, 5), Way::ChromiumMenu);
        assert_eq!(way(ANDROID_FIREFOX, 5), Way::FirefoxAndroid);
        assert_eq!(way(ANDROID_WEBVIEW, 5), Way::Cannot);
        assert_eq!(way(DESKTOP_FIREFOX, 0), Way::Cannot);
        assert_eq!(way(LINUX_WEBKIT, 0), Way::SafariComputer);
    }

    #[test]
    fn standalone_wins_then_the_browsers_prompt() {
        let browser = |standalone, prompt_ready| Browser {
            user_agent: ANDROID_CHROME,
            touch_points: 5,
            standalone,
            prompt_ready,
        };
        assert_eq!(browser(true, true).way(), Way::Installed);
        assert_eq!(browser(false, true).way(), Way::Prompt);
        assert!(!browser(false, true).may_lose_data());
        let safari = Browser {
            user_agent: IPHONE_SAFARI,
            touch_points: 5,
            standalone: false,
            prompt_ready: false,
        };
        assert!(safari.may_lose_data());
        assert!(!Browser {
            standalone: true,
            ..safari
        }
        .may_lose_data());
    }

    #[test]
    fn not_now_keeps_the_offer_away_for_thirty_days() {
        let day = DAY_MS;
        let record = Record {
            not_now_ms: Some(100 * day),
            installed_ms: None,
        };
        assert!(!record.may_offer(Way::Prompt, 100 * day + 29 * day));
        assert!(record.may_offer(Way::Prompt, 100 * day + 30 * day));
        assert!(Record::default().may_offer(Way::SafariPhone, 0));
        assert!(!Record::default().may_offer(Way::Installed, 0));
        assert!(!Record::default().may_offer(Way::Cannot, 0));
        let installed = Record {
            installed_ms: Some(day),
            ..Record::default()
        };
        assert!(!installed.may_offer(Way::Prompt, 400 * day));
    }
}
