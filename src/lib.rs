//! An interactive explainer of the 2023 LINE data breach through Naver Cloud and of
//! Japan's administrative guidance to LY Corporation. See ARCHITECTURE.md for the map.

pub mod app;
pub mod breach;
pub mod citation;
pub mod content;
pub mod diagram;
pub mod embed;
pub mod glossary;
pub mod guidance;
pub mod i18n;
pub mod numbers;
pub mod ownership;
pub mod sources;
pub mod timeline;
pub mod url;

/// Mounts the explainer into `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
