//! An interactive explainer of the 2023 LINE data breach through Naver Cloud and of
//! Japan's administrative guidance to LY Corporation. See ARCHITECTURE.md for the map.

pub mod app;
pub mod breach;
pub mod citation;
pub mod content;
#[cfg(feature = "alloc-stats")]
pub mod diagnostics;
pub mod diagram;
pub mod embed;
pub mod export;
pub mod glossary;
pub mod guidance;
pub mod i18n;
pub mod numbers;
pub mod ownership;
pub mod present;
pub mod sources;
pub mod timeline;
pub mod url;

/// Mounts the explainer into `<body>`.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        app::browser::show_panic_notice();
    }));
    // Decoding the story, starting the first screen's chunk and mounting each wait for a
    // task of their own: compiling and starting the wasm is already a long one, and together
    // they would block input for longer than any of them.
    leptos::prelude::set_timeout(
        || {
            content::story();
            leptos::prelude::set_timeout(preload_then_mount, std::time::Duration::ZERO);
        },
        std::time::Duration::ZERO,
    );
}

/// A view or the presenter is a chunk of its own: it comes in before the app mounts, so the
/// first frame shows it rather than its placeholder.
fn preload_then_mount() {
    let url = url::UrlState::parse(
        &app::browser::location_search(),
        content::story(),
        &app::url_limits(),
    );
    app::chunks::preload_first_screen(&url, || {
        leptos::prelude::set_timeout(mount, std::time::Duration::ZERO);
    });
}

fn mount() {
    // The app's first screen builds in pieces behind the static shell, then takes its
    // place in one task (`app::page::ShellSwap`).
    app::browser::hide_app_behind_shell();
    leptos::mount::mount_to_body(app::App);
    // Test builds only: a way to prove that a panic never leaves a blank page.
    #[cfg(feature = "panic-test")]
    if app::browser::location_search().contains("trigger-panic") {
        panic!("deliberate panic (panic-test build)");
    }
}
