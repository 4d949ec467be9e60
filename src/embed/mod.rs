//! Embedding: when the explainer runs inside another page's iframe, it tells the parent
//! its content height (on load and on every change) and answers pym.js's width
//! messages. Messages from anyone but the parent window are ignored.

pub mod code;
mod dialog;
pub mod messages;

pub use dialog::EmbedButton;

use crate::app::browser::window;
use crate::url::UrlState;
use messages::{height_messages, parse_incoming, Incoming, Outgoing};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// The parent window, when this page is framed.
fn parent_window() -> Option<web_sys::Window> {
    let window = window()?;
    let parent = window.parent().ok().flatten()?;
    (!js_sys::Object::is(&window, &parent)).then_some(parent)
}

/// Height of the content itself: the root element's box, not the viewport, so the
/// frame can shrink as well as grow (no feedback loop through the iframe's height).
fn content_height() -> u32 {
    crate::app::browser::document_element()
        .map(|root| root.get_bounding_client_rect().height().ceil().max(0.0) as u32)
        .unwrap_or(0)
}

fn post(parent: &web_sys::Window, message: &Outgoing) {
    let value = match message {
        Outgoing::Text(text) => JsValue::from_str(text),
        Outgoing::Object(json) => match js_sys::JSON::parse(json) {
            Ok(value) => value,
            Err(_) => return,
        },
    };
    // Heights are not secret, and the parent's origin is unknown: any origin may read them.
    let _ = parent.post_message(&value, "*");
}

/// Starts height reporting if framed; does nothing on a top-level page.
pub fn start(url: &UrlState) {
    let Some(parent) = parent_window() else {
        return;
    };
    let child_id: Option<String> = url.passthrough_value("childId").map(str::to_string);
    let embed_id = messages::embed_id(url.view.key());
    let last_sent = Rc::new(Cell::new(u32::MAX));

    let send: Rc<dyn Fn(bool)> = {
        let parent = parent.clone();
        let child_id = child_id.clone();
        let last_sent = last_sent.clone();
        Rc::new(move |force: bool| {
            let height = content_height();
            if height == 0 || (!force && height == last_sent.get()) {
                return;
            }
            last_sent.set(height);
            let src = window()
                .and_then(|w| w.location().href().ok())
                .unwrap_or_default();
            for message in height_messages(height, child_id.as_deref(), &embed_id, &src) {
                post(&parent, &message);
            }
        })
    };

    if let Some(root) = crate::app::browser::document_element() {
        let on_resize = {
            let send = send.clone();
            Closure::<dyn Fn()>::new(move || send(false))
        };
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&root);
        }
        // Lives as long as the page.
        on_resize.forget();
    }

    let on_message = {
        let parent = parent.clone();
        let send = send.clone();
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let from_parent = event
                .source()
                .is_some_and(|source| js_sys::Object::is(&source, &parent));
            if !from_parent {
                return;
            }
            let Some(data) = event.data().as_string() else {
                return;
            };
            if let Some(Incoming::PymWidth(_)) = parse_incoming(&data, child_id.as_deref()) {
                send(true);
            }
        })
    };
    if let Some(window) = window() {
        let _ =
            window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    }
    on_message.forget();
    send(true);
}
