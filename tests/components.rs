//! Component tests in headless Chromium (wasm-bindgen-test). Run with
//! `cargo test --target wasm32-unknown-unknown --test components` (see scripts/test).
#![cfg(target_arch = "wasm32")]

use legs_at_night::clinical::Urgency;
use legs_at_night::components::{ChoiceGroup, GetHelpBox, Notices};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh container in the body; tests run one after another in one page.
fn container() -> web_sys::HtmlElement {
    let div = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

/// Lets effects and event handlers settle.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
fn get_help_box_says_each_urgency_in_words_not_colour_alone() {
    const ADVICE: &[(Urgency, &str)] = &[
        (Urgency::SelfCare, "rest"),
        (Urgency::Emergency, "call now"),
    ];
    let root = container();
    // Its call links name where to change the region: a link, which needs the router. The
    // mount is dropped at the end of the test, and the router's listeners with it, so the
    // next tests' app is the only one that answers clicks.
    let _mounted = leptos::mount::mount_to(root.clone(), || {
        legs_at_night::router::provide_router(String::new());
        view! { <GetHelpBox advice=ADVICE/> }
    });
    let items = root.query_selector_all("li").unwrap();
    assert_eq!(items.length(), 2);
    let text = root.text_content().unwrap();
    assert!(text.contains(Urgency::SelfCare.headline()));
    assert!(text.contains(Urgency::Emergency.headline()));
    assert!(root.query_selector(".urgency-emergency").unwrap().is_some());
    // An emergency line comes with a number to tap (issue 27).
    assert!(root
        .query_selector("a.call-button[href^='tel:']")
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
async fn choice_group_is_real_radios_that_follow_the_signal() {
    let root = container();
    let chosen = RwSignal::new(2u8);
    leptos::mount::mount_to(root.clone(), move || {
        view! {
            <ChoiceGroup
                legend="Pick"
                name="pick"
                options=vec![(1u8, "One"), (2u8, "Two"), (3u8, "Three")]
                selected=chosen
                on_choose=move |value| chosen.set(value)
            />
        }
    })
    .forget();
    let radios = root.query_selector_all("input[type=radio]").unwrap();
    assert_eq!(radios.length(), 3);
    let radio = |i: u32| -> web_sys::HtmlInputElement { radios.item(i).unwrap().unchecked_into() };
    assert!(radio(1).checked() && !radio(0).checked());
    assert_eq!(
        root.query_selector("legend")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Pick"
    );
    radio(2).click();
    tick().await;
    assert_eq!(chosen.get_untracked(), 3);
    assert!(radio(2).checked() && !radio(1).checked());
    chosen.set(1);
    tick().await;
    assert!(radio(0).checked() && !radio(2).checked());
}

#[wasm_bindgen_test]
async fn app_navigates_to_a_learn_section_and_saves_settings_in_an_envelope() {
    local_storage().clear().unwrap();
    let root = container();
    leptos::mount::mount_to(root.clone(), legs_at_night::app::App).forget();
    tick().await;
    let link: web_sys::HtmlElement = root
        .query_selector("a[href='/learn/skin_fissures']")
        .unwrap()
        .expect("home links the cracked-skin section")
        .unchecked_into();
    link.click();
    let heading = || {
        root.query_selector("main h1")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    for _ in 0..50 {
        if heading() == "Cracked heel skin" {
            break;
        }
        tick().await;
    }
    assert_eq!(
        heading(),
        "Cracked heel skin",
        "at {:?}",
        web_sys::window().unwrap().location().href()
    );
    assert!(root.text_content().unwrap().contains("When to get help"));

    let settings: web_sys::HtmlElement = root
        .query_selector("a[href='/settings']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    settings.click();
    tick().await;
    let night: web_sys::HtmlInputElement = root
        .query_selector_all("input[name=theme]")
        .unwrap()
        .item(2)
        .unwrap()
        .unchecked_into();
    night.click();
    tick().await;
    let stored = local_storage().get_item("lan.settings").unwrap().unwrap();
    assert_eq!(
        stored,
        r#"{"schema":2,"data":{"theme":"dark","text_size":"standard","region":null}}"#
    );
    let theme = document()
        .document_element()
        .unwrap()
        .get_attribute("data-theme");
    assert_eq!(theme.as_deref(), Some("dark"));
}

#[wasm_bindgen_test]
async fn unreadable_settings_are_quarantined_byte_for_byte_and_reported() {
    local_storage().clear().unwrap();
    let garbage = "{\"schema\":1,\"data\":{\"theme\":\u{1F319}";
    local_storage().set_item("lan.settings", garbage).unwrap();
    let root = container();
    // Only the settings state and the notices: a second whole App (with its own router)
    // in the same test page would fight the other test's router over the URL.
    leptos::mount::mount_to(root.clone(), || {
        let notices = Notices::provide();
        let settings = legs_at_night::settings::SettingsState::provide(notices);
        assert_eq!(settings.current.get_untracked(), Default::default());
        view! { <legs_at_night::components::NoticeList/> }
    })
    .forget();
    tick().await;
    // The original, byte for byte, under the first free quarantine key; the key itself is cleared.
    assert_eq!(
        local_storage()
            .get_item("lan.settings.quarantine.1")
            .unwrap()
            .as_deref(),
        Some(garbage)
    );
    assert_eq!(local_storage().get_item("lan.settings").unwrap(), None);
    assert!(
        root.text_content()
            .unwrap()
            .contains("Download the original"),
        "the raw value can be saved"
    );
    assert!(
        root.query_selector(".notice").unwrap().is_some(),
        "the user is told"
    );
    assert!(root
        .text_content()
        .unwrap()
        .contains("Your settings could not be read"));
}

#[wasm_bindgen_test]
async fn notices_do_not_repeat_the_same_message() {
    let root = container();
    let notices = RwSignal::new(None::<Notices>);
    leptos::mount::mount_to(root.clone(), move || {
        let provided = Notices::provide();
        notices.set(Some(provided));
        view! { <legs_at_night::components::NoticeList/> }
    })
    .forget();
    let notices = notices.get_untracked().unwrap();
    notices.report(&"Storage is full");
    notices.report(&"Storage is full");
    notices.report(&"Export failed");
    tick().await;
    assert_eq!(root.query_selector_all(".notice").unwrap().length(), 2);
}

#[wasm_bindgen_test]
async fn a_write_from_another_tab_is_not_lost_when_this_tab_saves() {
    use legs_at_night::foot_check::model::{Area, Foot, Mark};
    use legs_at_night::foot_check::FootCheckState;
    local_storage().clear().unwrap();
    let root = container();
    let state = RwSignal::new(None::<FootCheckState>);
    leptos::mount::mount_to(root.clone(), move || {
        state.set(Some(FootCheckState::provide(Notices::provide())));
        view! { <p>"feet"</p> }
    })
    .forget();
    let state = state.get_untracked().unwrap();
    assert!(state.checks.get_untracked().is_empty());
    // Another tab saved a check meanwhile; storage events never reach the tab that wrote,
    // and this tab's copy is stale until one arrives.
    let other_tab = r#"{"schema":2,"data":[{"id":1000,"seen":1}]}"#;
    local_storage()
        .set_item("lan.footchecks", other_tab)
        .unwrap();
    state.draft.update(|d| {
        d.insert((Foot::Left, Area::Heel), vec![Mark::Crack]);
    });
    state.save();
    let stored = local_storage().get_item("lan.footchecks").unwrap().unwrap();
    assert!(
        stored.contains(r#"{"id":1000,"seen":1}"#),
        "the other tab's check survives: {stored}"
    );
    assert!(
        stored.contains(r#"["L","heel",["crack"]]"#),
        "and this one is added: {stored}"
    );
    assert_eq!(state.checks.get_untracked().len(), 2);
}

#[wasm_bindgen_test]
async fn a_lazy_state_loads_on_first_request_and_outlives_the_page_that_asked() {
    use legs_at_night::foot_check::FootCheckState;
    local_storage().clear().unwrap();
    local_storage()
        .set_item(
            "lan.footchecks",
            r#"{"schema":2,"data":[{"id":1000,"seen":1}]}"#,
        )
        .unwrap();
    let root = container();
    let page_open = RwSignal::new(false);
    let loaded_at_start = RwSignal::new(None::<bool>);
    let from_page = RwSignal::new(None::<FootCheckState>);
    leptos::mount::mount_to(root.clone(), move || {
        Notices::provide();
        FootCheckState::provide_lazily();
        loaded_at_start.set(Some(FootCheckState::loaded().is_some()));
        view! {
            <Show when=move || page_open.get()>
                {move || {
                    from_page.set(Some(FootCheckState::expect()));
                    view! { <p>"foot check page"</p> }
                }}
            </Show>
        }
    })
    .forget();
    assert_eq!(loaded_at_start.get_untracked(), Some(false));
    assert!(from_page.get_untracked().is_none());

    page_open.set(true);
    tick().await;
    let state = from_page
        .get_untracked()
        .expect("the page asked for the state");
    assert_eq!(state.checks.get_untracked().len(), 1, "loaded from storage");
    state.step.set(3);

    // The page goes away (its owner is disposed); the state and its signals stay.
    page_open.set(false);
    tick().await;
    assert_eq!(state.step.get_untracked(), 3);
    from_page.set(None);
    page_open.set(true);
    tick().await;
    let again = from_page.get_untracked().expect("asked again");
    assert_eq!(
        again.step.get_untracked(),
        3,
        "the same state, not a new load"
    );
    assert_eq!(again.checks.get_untracked().len(), 1);
}
