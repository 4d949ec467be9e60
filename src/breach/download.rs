//! Browser glue for "Download data": the export as an object URL a real
//! `<a download>` link points at, so it works by mouse, touch and keyboard alike.

use wasm_bindgen::JsValue;

/// An object URL for `text` as a file of MIME type `mime`, or `None` if the browser
/// refuses (then the caller falls back to a `data:` URL).
pub fn object_url(text: &str, mime: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Frees an object URL made by [`object_url`].
pub fn revoke(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}

/// `text` as a `data:` URL (percent-encoded), for browsers that refuse object URLs.
pub fn data_url(text: &str, mime: &str) -> String {
    let encoded: String = js_sys::encode_uri_component(text).into();
    format!("data:{mime};charset=utf-8,{encoded}")
}
