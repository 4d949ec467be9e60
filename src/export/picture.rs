//! A diagram or chart on screen as a standalone SVG or PNG file. The SVG is rebuilt in
//! a detached XML document with each element's computed style written as SVG
//! presentation attributes (`fill`, `stroke`, `font-size`, …): it looks as on screen
//! outside the page, and it has no `<style>` or `style` attribute, which the page's
//! strict CSP would refuse when the PNG is drawn from it. The PNG is that SVG drawn on a
//! canvas at twice its size.

use super::{blob_url, click_download, revoke};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// The computed properties that SVG can carry as presentation attributes.
const PRESENTATION: [&str; 17] = [
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "stroke-dasharray",
    "stroke-linecap",
    "stroke-linejoin",
    "opacity",
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "text-anchor",
    "dominant-baseline",
    "visibility",
    "display",
];

/// Copies `source` (an element of the page) into `target_doc` with its computed style
/// as attributes, children included.
fn copy_styled(
    window: &web_sys::Window,
    source: &web_sys::Element,
    target_doc: &web_sys::Document,
) -> Option<web_sys::Element> {
    let copy = target_doc
        .create_element_ns(Some(SVG_NS), &source.local_name())
        .ok()?;
    let attributes = source.attributes();
    for i in 0..attributes.length() {
        if let Some(attribute) = attributes.item(i) {
            let name = attribute.name();
            if name != "style" && name != "class" && !name.starts_with("on") {
                let _ = copy.set_attribute(&name, &attribute.value());
            }
        }
    }
    if let Ok(Some(style)) = window.get_computed_style(source) {
        for property in PRESENTATION {
            if let Ok(value) = style.get_property_value(property) {
                if !value.is_empty() {
                    let _ = copy.set_attribute(property, &value);
                }
            }
        }
    }
    let children = source.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else {
            continue;
        };
        if let Some(element) = child.dyn_ref::<web_sys::Element>() {
            if let Some(inner) = copy_styled(window, element, target_doc) {
                let _ = copy.append_child(&inner);
            }
        } else if child.node_type() == web_sys::Node::TEXT_NODE {
            let text = target_doc.create_text_node(&child.text_content().unwrap_or_default());
            let _ = copy.append_child(&text);
        }
    }
    Some(copy)
}

/// The SVG element as standalone markup that looks as it does on screen.
fn standalone_svg(svg: &web_sys::Element) -> Option<(String, f64, f64)> {
    let window = web_sys::window()?;
    let document = svg.owner_document()?;
    let rect = svg.get_bounding_client_rect();
    let (width, height) = (rect.width().max(1.0), rect.height().max(1.0));
    // A detached XML document: nothing in it is rendered or styled by the page.
    let target_doc = document
        .implementation()
        .ok()?
        .create_document(Some(SVG_NS), "svg")
        .ok()?;
    let root = copy_styled(&window, svg, &target_doc)?;
    let _ = root.set_attribute("width", &format!("{width}"));
    let _ = root.set_attribute("height", &format!("{height}"));
    let background = document
        .body()
        .and_then(|body| window.get_computed_style(&body).ok().flatten())
        .and_then(|style| style.get_property_value("background-color").ok())
        .unwrap_or_else(|| "#ffffff".into());
    let backdrop = target_doc.create_element_ns(Some(SVG_NS), "rect").ok()?;
    for (name, value) in [
        ("width", "100%"),
        ("height", "100%"),
        ("fill", background.as_str()),
    ] {
        let _ = backdrop.set_attribute(name, value);
    }
    let _ = root.insert_before(&backdrop, root.first_child().as_ref());
    let markup = web_sys::XmlSerializer::new()
        .ok()?
        .serialize_to_string(&root)
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
