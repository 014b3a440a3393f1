//! A feature's state made the first time a page asks for it instead of at start.
//!
//! Reading and decoding stored data is most of a feature's code (serde for every stored
//! type). Made on first use, that code is reached only from the pages that need it, so it
//! travels in their chunks instead of the first download, and opening Home does not decode
//! years of diary or foot checks it never shows.

use leptos::prelude::*;

/// Holds one state of type `T` for the life of the app, once something has asked for it.
pub struct LazyState<T: Send + Sync + 'static> {
    state: StoredValue<Option<T>>,
    /// The app's root owner: signals made here outlive the page that first asked.
    owner: Owner,
}

impl<T: Send + Sync + 'static> Clone for LazyState<T> {
    fn clone(&self) -> Self {
        LazyState {
            state: self.state,
            owner: self.owner.clone(),
        }
    }
}

impl<T: Copy + Send + Sync + 'static> LazyState<T> {
    /// Called where the state would have been made at start: in the app's root.
    pub fn provide(initial: Option<T>) {
        provide_context(LazyState {
            state: StoredValue::new(initial),
            owner: Owner::current().unwrap_or_default(),
        });
    }

    /// The state, made now with `make` if this is the first request.
    ///
    /// Panics, like `expect_context`, if `provide` was never called: a programming error.
    pub fn get_or_make(make: impl FnOnce() -> T) -> T {
        let lazy = expect_context::<LazyState<T>>();
        if let Some(state) = lazy.state.get_value() {
            return state;
        }
        let state = lazy.owner.with(make);
        lazy.state.set_value(Some(state));
        state
    }

    /// The state if something has made it already; nothing is loaded.
    pub fn made() -> Option<T> {
        use_context::<LazyState<T>>().and_then(|lazy| lazy.state.get_value())
    }
}

/// Gives a state with `fn load(Notices) -> Self` and `fn reload(&self, Option<&str>)` the
/// four ways in: `provide` (load now), `provide_lazily` (the app's root), `expect` (load on
/// first request) and `loaded`. A loaded state follows other tabs' changes.
#[macro_export]
macro_rules! lazy_state {
    ($state:ty) => {
        impl $state {
            fn load_and_follow_other_tabs(notices: $crate::components::Notices) -> Self {
                let state = Self::load(notices);
                $crate::platform::storage_events::on_other_tab_change(move |key| {
                    state.reload(key.as_deref())
                });
                state
            }

            /// Loads now (tests, and pages mounted on their own).
            pub fn provide(notices: $crate::components::Notices) -> Self {
                let state = Self::load_and_follow_other_tabs(notices);
                $crate::lazy_state::LazyState::provide(Some(state));
                state
            }

            /// The app's root makes room for the state, which loads when a page first asks.
            pub fn provide_lazily() {
                $crate::lazy_state::LazyState::<$state>::provide(None);
            }

            pub fn expect() -> Self {
                $crate::lazy_state::LazyState::get_or_make(|| {
                    Self::load_and_follow_other_tabs(leptos::prelude::expect_context::<
                        $crate::components::Notices,
                    >())
                })
            }

            /// The state if a page has loaded it; loads nothing.
            pub fn loaded() -> Option<Self> {
                $crate::lazy_state::LazyState::made()
            }
        }
    };
}
