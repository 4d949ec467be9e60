//! The bench's floor: a Leptos 0.8 counter, nothing else.

use leptos::prelude::*;

#[component]
fn App() -> impl IntoView {
    let (count, set_count) = signal(0u32);
    view! {
        <main id="story">
            <h1>"Counter"</h1>
            <button type="button" id="counter" on:click=move |_| set_count.update(|n| *n += 1)>
                "Clicked " {move || count.get()} " times"
            </button>
        </main>
    }
}

fn main() {
    leptos::mount::mount_to_body(App);
    // Same readiness signal as the explainer, so the bench waits for both the same way.
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("data-ready", "1");
    }
}
