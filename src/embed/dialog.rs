//! "Embed this": a dialog with the iframe code for one view in its current state.

use super::code::embed_code;
use crate::app::later::Later;
use crate::app::use_app;
use crate::url::View;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn page_url() -> String {
    crate::app::browser::window()
        .and_then(|w| {
            let location = w.location();
            Some(format!(
                "{}{}",
                location.origin().ok()?,
                location.pathname().ok()?
            ))
        })
        .unwrap_or_default()
}

#[component]
pub fn EmbedButton(view: View) -> impl IntoView {
    let state = use_app();
    let title = move || crate::i18n::section_title(view.key(), state.lang.get());
    let dialog = NodeRef::<html::Dialog>::new();
    let code_area = NodeRef::<html::Textarea>::new();
    let status = RwSignal::new("");
    // The code is made only while the dialog is open: every section has one, and each
    // step, selection or slider move changes the URL state the code is made from.
    let is_open = RwSignal::new(false);
    let code = Memo::new(move |_| {
        state
            .url
            .with(|url| embed_code(&page_url(), url, view, title()))
    });
    let dialog_id = format!("embed-dialog-{}", view.key());
    let open = move |_| {
        status.set("");
        is_open.set(true);
        if let Some(dialog) = dialog.get() {
            let _ = dialog.show_modal();
        }
        if let Some(area) = code_area.get() {
            // Now, not when the textarea's effect next runs: it is selected at once.
            area.set_value(&code.get_untracked());
            area.select();
        }
    };
    let copy = move |_| {
        if let Some(area) = code_area.get() {
            area.select();
        }
        let written = crate::app::browser::window()
            .map(|w| w.navigator().clipboard())
            .map(|clipboard| clipboard.write_text(&code.get_untracked()));
        status.set(if written.is_some() {
            crate::tr!(state.lang.get_untracked(), embed.copied)
        } else {
            crate::tr!(state.lang.get_untracked(), embed.select_copy)
        });
    };
    let close = move |_| {
        if let Some(dialog) = dialog.get() {
            dialog.close();
        }
    };
    view! {
        <button type="button" class="embed-button" aria-haspopup="dialog" aria-controls=dialog_id.clone() on:click=open>
            {move || crate::tr!(state.lang.get(), embed.button)}
        </button>
        // Its contents a task later (closed, it shows nothing): each section has one, and
        // building them was a good part of the first run of a section's code.
        <dialog class="embed-dialog" id=dialog_id node_ref=dialog aria-labelledby=format!("embed-title-{}", view.key()) on:close=move |_| is_open.set(false)>
            <Later>
            <h3 id=format!("embed-title-{}", view.key())>{move || crate::tr!(state.lang.get(), embed.heading, title = title())}</h3>
            <p>{move || crate::tr!(state.lang.get(), embed.paste)}</p>
            <label for=format!("embed-code-{}", view.key())>{move || crate::tr!(state.lang.get(), embed.code_label)}</label>
            <textarea
                id=format!("embed-code-{}", view.key())
                class="embed-code"
                readonly
                rows="6"
                node_ref=code_area
                prop:value=move || if is_open.get() { code.get() } else { String::new() }
                on:focus=move |ev| {
                    if let Some(area) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                        area.select();
                    }
                }
            ></textarea>
            <p class="embed-status" role="status" aria-live="polite">{move || status.get()}</p>
            <div class="embed-actions">
                <button type="button" on:click=copy>{move || crate::tr!(state.lang.get(), embed.copy)}</button>
                <button type="button" on:click=close>{move || crate::tr!(state.lang.get(), close)}</button>
            </div>
            </Later>
        </dialog>
    }
}
