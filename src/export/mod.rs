//! Downloads: data exports (BODS, STIX, CSV) and diagrams and charts as SVG and PNG, for
//! newsrooms and slides. Files are made in the page (Blob URLs): nothing is uploaded.

mod picture;

pub use picture::{save_png, save_svg};

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// "SVG" and "PNG" buttons that save the picture matched by `selector` (an `svg`).
/// "Diagram" or "Chart" in the reader's language.
fn picture_name(label: &str) -> &'static str {
    let lang = crate::i18n::current_lang();
    if label == "Chart" {
        crate::tr!(lang, export.chart)
    } else {
        crate::tr!(lang, export.diagram)
    }
}

#[component]
pub fn PictureDownloads(selector: String, file_stem: String, label: &'static str) -> impl IntoView {
    let find = move |selector: &str| {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(selector).ok().flatten())
    };
    let (svg_selector, png_selector) = (selector.clone(), selector);
    let (svg_name, png_name) = (format!("{file_stem}.svg"), format!("{file_stem}.png"));
    view! {
        <span class="picture-downloads" role="group" aria-label=move || crate::tr!(crate::i18n::current_lang(), export.download, what = picture_name(label))>
            <button type="button" class="download-picture" on:click=move |_| {
                if let Some(svg) = find(&svg_selector) {
                    save_svg(&svg, &svg_name);
                }
            }>{move || crate::tr!(crate::i18n::current_lang(), export.as_svg, what = picture_name(label))}</button>
            <button type="button" class="download-picture" on:click=move |_| {
                if let Some(svg) = find(&png_selector) {
                    save_png(&svg, &png_name);
                }
            }>{move || crate::tr!(crate::i18n::current_lang(), export.as_png, what = picture_name(label))}</button>
        </span>
    }
}

/// An object URL for `text` as a file of MIME type `mime`, or `None` if the browser
/// refuses.
fn object_url(text: &str, mime: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    blob_url(&parts, mime)
}

fn blob_url(parts: &js_sys::Array, mime: &str) -> Option<String> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Frees an object URL made by [`object_url`].
fn revoke(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}

/// Saves a data export (BODS, STIX) as a JSON file, as [`save_text`] does.
pub fn save_json(file_name: &str, json: &str) {
    save_text(file_name, "application/json", json);
}

/// Saves `text` as a file at once (from a button), through a temporary object URL.
pub fn save_text(file_name: &str, mime: &str, text: &str) {
    if let Some(url) = object_url(text, mime) {
        click_download(&url, file_name);
    }
}

/// Follows a download link for `url`, then frees it once the browser has read it.
fn click_download(url: &str, file_name: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let Some(link) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    link.set_href(url);
    link.set_download(file_name);
    if let Some(body) = document.body() {
        let _ = body.append_child(&link);
        link.click();
        link.remove();
    }
    // Revoke after the click has been handled; some browsers read the URL late.
    let url = url.to_string();
    let later = wasm_bindgen::closure::Closure::once_into_js(move || revoke(&url));
    let _ =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 1_000);
}
