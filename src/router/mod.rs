//! A small router for the app's fixed set of pages.
//!
//! `leptos_router` alone is about 64 KB of gzip wasm in a two-route hello world, most of
//! the 100 KB first-load budget, for generality this app does not use: its pages are a
//! fixed list with at most one parameter. So the pages are an enum (`route.rs`, pure,
//! tested natively), the current one a signal fed by the History API (`location.rs`),
//! and links plain `<a>` elements that the router intercepts (`link.rs`). The hooks keep
//! `leptos_router`'s names so pages read the same.

mod link;
mod location;
mod route;

pub use link::A;
pub use location::{
    current_route, link_route, provide_router, use_navigate, use_params_map, NavigateOptions,
    Router,
};
pub use route::{is_current, LearnPage, ResultId, Route};
