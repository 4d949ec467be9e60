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
///
/// Built as text from the serialised element: cloning it inside the page would
/// re-apply its styles there, which the page's strict CSP (rightly) refuses.
fn standalone_svg(svg: &web_sys::Element) -> Option<(String, f64, f64)> {
    let document = svg.owner_document()?;
    let rect = svg.get_bounding_client_rect();
    let (width, height) = (rect.width().max(1.0), rect.height().max(1.0));
    let dark = document
        .document_element()
        .and_then(|root| root.get_attribute("data-theme"))
        .is_some_and(|theme| theme == "dark");
    let markup = web_sys::XmlSerializer::new().ok()?.serialize_to_string(svg).ok()?;
    Some((with_styles(&markup, &page_css(&document), dark, width, height), width, height))
}

/// Puts the page's CSS (with `:root` rules mapped onto the `<svg>` root), a size and a
/// background into serialised SVG markup.
fn with_styles(markup: &str, css: &str, dark: bool, width: f64, height: f64) -> String {
    let css = css
        .replace(":root[data-theme=\"dark\"]", if dark { "svg" } else { ":not(*)" })
        .replace(":root", "svg");
    let open_end = markup.find('>').unwrap_or(0);
    let (open, rest) = markup.split_at(open_end);
    let mut open = without_attribute(&without_attribute(open, "width"), "height");
    if !open.contains("xmlns=") {
        open.push_str(" xmlns=\"http://www.w3.org/2000/svg\"");
    }
    format!(
        "{open} width=\"{width}\" height=\"{height}\"><style><![CDATA[{}]]></style><rect width=\"100%\" height=\"100%\" fill=\"{}\"/>{}",
        css.replace("]]>", "]] >"),
        if dark { "#121417" } else { "#ffffff" },
        &rest[1..],
    )
}

/// An opening tag without one attribute (`name="…"`), which the export sets anew.
fn without_attribute(tag: &str, name: &str) -> String {
    let needle = format!(" {name}=\"");
    match tag.find(&needle) {
        Some(start) => {
            let value_start = start + needle.len();
            match tag[value_start..].find('"') {
                Some(len) => format!("{}{}", &tag[..start], &tag[value_start + len + 1..]),
                None => tag.to_string(),
            }
        }
        None => tag.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exported_svg_has_one_size_and_its_styles_inside() {
        let markup = r#"<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200" class="c"><text>a &amp; b</text></svg>"#;
        let out = with_styles(markup, ":root { --ink: #000 } .c > text { fill: var(--ink) }", false, 640.0, 400.0);
        assert_eq!(out.matches(" width=").count(), 2, "the svg's and the background's: {out}");
        assert!(out.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" class="c" width="640" height="400">"#), "{out}");
        assert!(out.contains("<![CDATA[svg { --ink: #000 } .c > text"), "{out}");
        assert!(out.ends_with("<text>a &amp; b</text></svg>"));
    }
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
