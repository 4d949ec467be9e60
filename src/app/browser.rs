//! The few facts the app reads from, and writes to, the browser. Everything here is
//! defensive: an embed may run sandboxed, without storage or a usable history.

use crate::content::Lang;

pub fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Keeps a browser observer (`ResizeObserver`, `IntersectionObserver`) and its callback
/// alive as long as the current reactive owner, and disconnects it when that is cleaned up.
pub fn disconnect_on_cleanup<O: 'static, C: 'static>(observer: O, callback: C, disconnect: fn(&O)) {
    // Cleanups must be Send; the page has one thread, so the wrapper never moves.
    let handle = send_wrapper::SendWrapper::new((observer, callback));
    leptos::prelude::on_cleanup(move || {
        let (observer, _callback) = handle.take();
        disconnect(&observer);
    });
}

/// Calls `on_change` with whether `element` is on the screen (or within `margin` of it, CSS
/// syntax), first when observing starts and then on every change, from an
/// `IntersectionObserver` (no layout is read for it), until the current reactive owner is
/// cleaned up. False if the browser has no observer to give.
pub fn observe_on_screen(
    element: &web_sys::Element,
    margin: &str,
    on_change: impl Fn(bool) + 'static,
) -> bool {
    use wasm_bindgen::{closure::Closure, JsCast};
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        // The newest report counts.
        let last = entries.length().checked_sub(1).map(|i| entries.get(i));
        if let Some(Ok(entry)) = last.map(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>()) {
            on_change(entry.is_intersecting());
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin(margin);
    let Ok(observer) = web_sys::IntersectionObserver::new_with_options(
        callback.as_ref().unchecked_ref(),
        &options,
    ) else {
        return false;
    };
    observer.observe(element);
    disconnect_on_cleanup(
        observer,
        callback,
        web_sys::IntersectionObserver::disconnect,
    );
    true
}

/// The current query string, with its leading `?` (or empty).
pub fn location_search() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// How long a change waits before the address bar is rewritten, at least.
/// `history.replaceState` costs a few milliseconds, too much inside a step or a slider's
/// input event, and Chromium ignores it past about 200 calls in 10 s, which a drag would
/// reach; one write per pause in the changes is both cheaper and always heard. Tests wait
/// this out (tests/browser/browser.mjs).
pub const ADDRESS_BAR_DELAY: std::time::Duration = std::time::Duration::from_millis(100);

/// After [`ADDRESS_BAR_DELAY`], the write waits for the browser to be idle, this long at
/// most: a timer's task runs whenever it falls due, often right where the frame after the
/// reader's next tap is being drawn (one step in two of a run of steps); an idle callback
/// runs only when no input or due task waits, and not before the frame of a reader's
/// change (`later::owe_frame`).
pub const ADDRESS_BAR_IDLE_WAIT: std::time::Duration = std::time::Duration::from_millis(100);

thread_local! {
    /// The query the address bar is to show when the pending write runs.
    static PENDING_QUERY: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
    /// The query of a history entry still to be added ([`push_query_soon`]).
    static PENDING_PUSH: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Rewrites the address bar to `query` after [`ADDRESS_BAR_DELAY`], once the browser is
/// idle: changes that come meanwhile fold into the same write, and the last one wins.
/// (A reload started inside that moment reloads the address from before the change: the
/// browser fixes the URL it reloads before any page event could still write it.)
/// The timer is set once the frame that shows the change is drawn: a call into the page
/// in the tap's own task is time that frame waits for.
pub fn replace_query_soon(query: String) {
    let first = PENDING_QUERY.with_borrow_mut(|pending| pending.replace(query).is_none());
    if first {
        super::later::after_next_frame(|| {
            leptos::prelude::set_timeout(
                || super::later::when_idle_within(ADDRESS_BAR_IDLE_WAIT, write_pending_query),
                ADDRESS_BAR_DELAY,
            );
        });
    }
}

/// Writes a pending address-bar change now, if there is one: into the history entry still
/// to be added, if one is (the change is of the state it is for).
fn write_pending_query() {
    if PENDING_PUSH.with_borrow(Option::is_some) {
        write_pending_push();
    } else if let Some(query) = PENDING_QUERY.take() {
        replace_query(&query);
    }
}

/// The page's address with `query` in place of its own (path and fragment kept): what the
/// address bar shows once a pending write has run.
pub fn href_with_query(query: &str) -> String {
    let Some(location) = window().map(|w| w.location()) else {
        return String::new();
    };
    let part = |value: Result<String, wasm_bindgen::JsValue>| value.unwrap_or_default();
    format!(
        "{}{}{query}{}",
        part(location.origin()),
        part(location.pathname()),
        part(location.hash())
    )
}

/// Rewrites the address bar to `query` without a reload or a history entry,
/// keeping the path and the fragment.
pub fn replace_query(query: &str) {
    let Some(window) = window() else { return };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    if location.search().unwrap_or_default() == query {
        return;
    }
    if let Ok(history) = window.history() {
        let url = format!("{path}{query}{hash}");
        // A sandboxed or opaque-origin frame may refuse; the state still lives in memory.
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Adds a history entry for `query` (path and fragment kept, as [`replace_query`] does)
/// once the next frame is drawn: for a change of view, which Back should undo. Call it
/// before making the change. `pushState` takes a few milliseconds on a phone, which the
/// frame that shows the change need not wait for (no reader presses Back within a frame
/// of a click). The entry left behind is written first, so Back returns to the state it
/// showed; an entry still to be added from a change before goes first.
pub fn push_query_soon(query: String) {
    write_pending_push();
    write_pending_query();
    PENDING_PUSH.set(Some(query));
    super::later::after_next_frame(write_pending_push);
}

/// Adds the history entry [`push_query_soon`] left for later now, if there is one. A
/// rewrite pending by then is of the state after the change: the new entry takes it.
fn write_pending_push() {
    let Some(pushed) = PENDING_PUSH.take() else {
        return;
    };
    let query = PENDING_QUERY.take().unwrap_or(pushed);
    let Some(window) = window() else { return };
    let location = window.location();
    if location.search().unwrap_or_default() == query {
        return;
    }
    if let Ok(history) = window.history() {
        let path = location.pathname().unwrap_or_default();
        let url = format!("{path}{query}");
        // A sandboxed or opaque-origin frame may refuse; the view still changes.
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Calls `on_pop` on every Back or Forward within the page (and on a jump to a fragment,
/// which is a history entry too), for as long as the page lives.
pub fn on_history_pop(on_pop: impl Fn() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let Some(window) = window() else { return };
    let listener = Closure::<dyn Fn()>::new(on_pop);
    let _ = window.add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Scrolls the page back to its top (a view just switched in place starts there).
pub fn scroll_to_top() {
    if let Some(window) = window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// The first of the browser's preferred languages that the explainer speaks.
pub fn preferred_lang() -> Lang {
    let Some(window) = window() else {
        return Lang::En;
    };
    let languages = window.navigator().languages();
    let tags: Vec<String> = languages.iter().filter_map(|v| v.as_string()).collect();
    lang_from_tags(&tags)
}

/// Picks a language from BCP 47 tags in preference order ("ja-JP" → Japanese).
pub fn lang_from_tags(tags: &[String]) -> Lang {
    tags.iter()
        .filter_map(|tag| {
            let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
            Lang::from_code(&primary)
        })
        .next()
        .unwrap_or(Lang::En)
}

/// Whether the system asks for a dark theme.
pub fn prefers_dark() -> Option<web_sys::MediaQueryList> {
    window()?
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
}

pub fn document_element() -> Option<web_sys::Element> {
    window()?.document()?.document_element()
}

/// Sets an attribute of `<html>`, only if it changes (each write restyles the page). The
/// values written are kept here, so an unchanged one costs no call into the page: the
/// effect that writes them re-runs on most taps (the page's readiness flips), and four
/// reads of `<html>` were some 0.4 ms of a tap's task on a phone. Only the app writes
/// these attributes once it runs; the first write of each goes through whatever the page
/// held before.
pub fn set_root_attribute(name: &str, value: &str) {
    thread_local! {
        static WRITTEN: std::cell::RefCell<Vec<(String, String)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let unchanged = WRITTEN.with_borrow(|written| {
        written
            .iter()
            .any(|(written_name, written_value)| written_name == name && written_value == value)
    });
    if unchanged {
        return;
    }
    if let Some(root) = document_element() {
        let _ = root.set_attribute(name, value);
        WRITTEN.with_borrow_mut(
            |written| match written.iter_mut().find(|(n, _)| n == name) {
                Some((_, written_value)) => value.clone_into(written_value),
                None => written.push((name.to_owned(), value.to_owned())),
            },
        );
    }
}

/// After a panic the app cannot go on: say so, in the page, with a way back.
/// Built from plain DOM calls and text nodes only, and never panics itself.
pub fn show_panic_notice() {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    if document.get_element_by_id("panic-notice").is_some() {
        return;
    }
    let Ok(notice) = document.create_element("div") else {
        return;
    };
    notice.set_id("panic-notice");
    let _ = notice.set_attribute("role", "alert");
    let _ = notice.set_attribute("class", "panic-notice");
    let Ok(text) = document.create_element("p") else {
        return;
    };
    // Plain DOM, no reactive state: the page's current language is on <html lang>.
    let lang = document
        .document_element()
        .and_then(|root| root.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or(Lang::En);
    text.set_text_content(Some(crate::tr!(lang, panic.text)));
    let Ok(link) = document.create_element("a") else {
        return;
    };
    let href = window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_else(|| "./".into());
    let _ = link.set_attribute("href", &href);
    link.set_text_content(Some(crate::tr!(lang, panic.reload)));
    let _ = notice.append_child(&text);
    let _ = notice.append_child(&link);
    let _ = body.prepend_with_node_1(&notice);
}

/// The attribute on `<body>` that keeps the app out of layout while it builds its first
/// screen behind the static shell (assets/style.css).
const BUILDING_BEHIND_SHELL: &str = "data-app-building";

/// Before the app mounts: if the static shell (`scripts/prerender.mjs`: the page's top, in
/// `index.html`) is on screen, the app builds behind it, out of layout, until
/// [`show_app_for_shell`]. Without a shell (an embed, a slide) nothing hides the app.
pub fn hide_app_behind_shell() {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    if let (Ok(Some(_)), Some(body)) = (document.query_selector("[data-shell]"), document.body()) {
        let _ = body.set_attribute(BUILDING_BEHIND_SHELL, "");
    }
}

/// The app's first screen takes the static shell's place, in one task: no frame shows
/// both or neither. No wait is needed before it: the loader starts the wasm only after the
/// shell's largest paint (`scripts/postbuild.mjs`), which keeps the page's largest paint
/// the shell's. Again later, it does nothing.
pub fn show_app_for_shell() {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(blocks) = document.query_selector_all("[data-shell]") {
        for index in 0..blocks.length() {
            if let Some(block) = blocks.item(index) {
                if let Some(parent) = block.parent_node() {
                    let _ = parent.remove_child(&block);
                }
            }
        }
    }
    if let Some(body) = document.body() {
        let _ = body.remove_attribute(BUILDING_BEHIND_SHELL);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_supported_browser_language_wins() {
        let tags = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(lang_from_tags(&tags(&["fr-FR", "ko-KR", "ja"])), Lang::Ko);
        assert_eq!(lang_from_tags(&tags(&["ja-JP"])), Lang::Ja);
        assert_eq!(lang_from_tags(&tags(&["de", "fr"])), Lang::En);
        assert_eq!(lang_from_tags(&[]), Lang::En);
    }
}
