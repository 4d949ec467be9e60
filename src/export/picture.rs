//! A diagram or chart on screen as a standalone SVG or PNG file: the SVG element is
//! copied with the stylesheet's rules inlined (so it looks the same outside the page),
//! and the PNG is that SVG drawn on a canvas at twice its size.

use super::{blob_url, click_download, revoke};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// Every CSS rule of the page's own stylesheets, so the copy keeps its look.
fn page_css(document: &web_sys::Document) -> String {
    let sheets = document.style_sheets();
    let mut css = String::new();
    for i in 0..sheets.length() {
        let Some(sheet) = sheets
            .item(i)
            .and_then(|s| s.dyn_into::<web_sys::CssStyleSheet>().ok())
        else {
            continue;
        };
        let Ok(rules) = sheet.css_rules() else {
            continue;
        };
        for j in 0..rules.length() {
            if let Some(rule) = rules.item(j) {
                css.push_str(&rule.css_text());
                css.push('\n');
            }
        }
    }
    css
}

/// The SVG element as standalone markup, with the page's theme and styles inside it.
fn standalone_svg(svg: &web_sys::Element) -> Option<(String, f64, f64)> {
    let document = svg.owner_document()?;
    let copy = svg
        .clone_node_with_deep(true)
        .ok()?
        .dyn_into::<web_sys::Element>()
        .ok()?;
    let rect = svg.get_bounding_client_rect();
    let (width, height) = (rect.width().max(1.0), rect.height().max(1.0));
    let _ = copy.set_attribute("xmlns", "http://www.w3.org/2000/svg");
    let _ = copy.set_attribute("width", &format!("{width}"));
    let _ = copy.set_attribute("height", &format!("{height}"));
    // The page's theme variables live on <html>; carry its attributes as classes of the copy.
    let theme = document
        .document_element()
        .and_then(|root| root.get_attribute("data-theme"))
        .unwrap_or_else(|| "light".into());
    let style = document
        .create_element_ns(Some("http://www.w3.org/2000/svg"), "style")
        .ok()?;
    // `:root` in the page's CSS means <html>; in the standalone file the root is the <svg>.
    let css = page_css(&document).replace(
        ":root[data-theme=\"dark\"]",
        if theme == "dark" { "svg" } else { ":not(*)" },
    );
    style.set_text_content(Some(&css));
    let background = document
        .create_element_ns(Some("http://www.w3.org/2000/svg"), "rect")
        .ok()?;
    for (name, value) in [
        ("width", "100%"),
        ("height", "100%"),
        ("class", "export-background"),
    ] {
        let _ = background.set_attribute(name, value);
    }
    let _ = copy.insert_before(&style, copy.first_child().as_ref());
    let _ = copy.insert_before(&background, style.next_sibling().as_ref());
    let markup = web_sys::XmlSerializer::new()
        .ok()?
        .serialize_to_string(&copy)
        .ok()?;
    Some((markup, width, height))
}

/// Saves the SVG element as `file_name` (…`.svg`).
pub fn save_svg(svg: &web_sys::Element, file_name: &str) {
    let Some((markup, _, _)) = standalone_svg(svg) else {
        return;
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(&markup));
    if let Some(url) = blob_url(&parts, "image/svg+xml") {
        click_download(&url, file_name);
    }
}

/// Saves the SVG element as a PNG at twice its on-screen size, for slides.
pub fn save_png(svg: &web_sys::Element, file_name: &str) {
    const SCALE: f64 = 2.0;
    let Some((markup, width, height)) = standalone_svg(svg) else {
        return;
    };
    let Some(document) = svg.owner_document() else {
        return;
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(&markup));
    let Some(svg_url) = blob_url(&parts, "image/svg+xml") else {
        return;
    };
    let Ok(image) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let file_name = file_name.to_string();
    let loaded = {
        let image = image.clone();
        let svg_url = svg_url.clone();
        Closure::once_into_js(move || {
            revoke(&svg_url);
            let Some(canvas) = document
                .create_element("canvas")
                .ok()
                .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
            else {
                return;
            };
            canvas.set_width((width * SCALE).ceil() as u32);
            canvas.set_height((height * SCALE).ceil() as u32);
            let Some(context) = canvas
                .get_context("2d")
                .ok()
                .flatten()
                .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
            else {
                return;
            };
            let _ = context.scale(SCALE, SCALE);
            let _ = context.draw_image_with_html_image_element(&image, 0.0, 0.0);
            let saved = Closure::once_into_js(move |blob: JsValue| {
                let Ok(blob) = blob.dyn_into::<web_sys::Blob>() else {
                    return;
                };
                if let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) {
                    click_download(&url, &file_name);
                }
            });
            let _ = canvas.to_blob(saved.unchecked_ref());
        })
    };
    image.set_onload(Some(loaded.unchecked_ref()));
    image.set_src(&svg_url);
}
