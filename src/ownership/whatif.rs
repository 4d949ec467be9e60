//! The capital what-if: a slider moves A Holdings' shares between Naver and SoftBank;
//! the diagram's labels, the look-through stakes and the verdict follow. The slider's
//! value is the URL's `stake`, so a link can open a what-if.

use super::graph::{venture_stake, NAVER, SOFTBANK, VENTURE};
use super::stakes::{look_through, verdict, Names, Parent, Range, Split, CONTROL_THRESHOLD};
use super::OwnershipState;
use crate::app::use_app;
use crate::citation::ClaimCites;
use crate::content::{story, Id};
use leptos::prelude::*;

/// A claim id as a one-element slice for a citation marker.
fn cite(id: &str) -> Option<&'static [Id]> {
    story().claim(id).map(|c| std::slice::from_ref(&c.id))
}

#[component]
pub fn CapitalWhatIf(own: OwnershipState) -> impl IntoView {
    let state = use_app();
    let story = story();
    let stake = venture_stake(story).map_or(Range::exact(0.0), |(_, r)| r);
    let name = move |id: &str| {
        story
            .entity(id)
            .map_or_else(String::new, |e| e.name.get(state.lang.get()).to_string())
    };
    // Short names read better in a sentence than "SoftBank Corp" and "LY Corporation (LINE Yahoo)".
    let names = move || {
        let (softbank, naver, venture) = (name(SOFTBANK), name(NAVER), name(VENTURE));
        (softbank, naver, venture, "LY".to_string())
    };
    // The slider, its number and the line under it follow the slider at once; the verdict
    // and the look-through stakes follow `own.split`, a frame behind.
    let percent = move || own.slider_split.with(|s| s.softbank.round() as u8);
    let verdict_text = move || {
        let split = own.split.get();
        let (softbank, naver, venture, ly) = names();
        verdict(split, stake).sentence(
            split,
            stake,
            Names {
                softbank: &softbank,
                naver: &naver,
                venture: &venture,
                ly: &ly,
            },
            state.lang.get(),
        )
    };
    // Always SoftBank then Naver: each row's text follows the split, the rows stay.
    let rows = [Parent::SoftBank, Parent::Naver]
        .into_iter()
        .enumerate()
        .map(|(index, parent)| {
            let (key, id) = match parent {
                Parent::SoftBank => ("softbank", SOFTBANK),
                Parent::Naver => ("naver", NAVER),
            };
            let arithmetic = move || look_through(own.split.get(), stake)[index].arithmetic();
            view! {
                <li data-parent=key>
                    <span class="own-lt-name">{move || name(id)}</span>": "
                    <span class="own-arithmetic">{arithmetic}</span>
                </li>
            }
        })
        .collect_view();
    let value_text = move || {
        let p = percent();
        format!(
            "{} {p}%, {} {}%",
            name(SOFTBANK),
            name(NAVER),
            100 - u16::from(p)
        )
    };
    view! {
        <section class="own-whatif" aria-labelledby="own-whatif-title">
            <h3 id="own-whatif-title">
                {crate::tx!(whatif.title)}
                <span class="analysis-badge">{crate::tx!(analysis)}</span>
            </h3>
            <p>
                {crate::tx!(whatif.intro1)}
                {cite("capital-review").map(|c| view! { <ClaimCites claims=c /> })}
                {crate::tx!(whatif.intro2)}
                {cite("softbank-interpretation").map(|c| view! { <ClaimCites claims=c /> })}
                {crate::tx!(whatif.intro3)}
            </p>
            <div class="own-slider">
                <label for="own-stake">{crate::tx!(whatif.slider_label)}<strong class="own-stake-value">{move || format!("{}%", percent())}</strong></label>
                <div class="own-slider-row">
                    <span class="own-slider-end" aria-hidden="true">{crate::tx!(whatif.naver_all)}</span>
                    <input
                        id="own-stake"
                        type="range"
                        min="0"
                        max="100"
                        step="1"
                        prop:value=move || percent().to_string()
                        aria-valuetext=value_text
                        on:input=move |ev| {
                            if let Ok(value) = event_target_value(&ev).parse::<u8>() {
                                own.set_stake(value);
                            }
                        }
                    />
                    <span class="own-slider-end" aria-hidden="true">{crate::tx!(whatif.softbank_all)}</span>
                </div>
                <p class="own-split">
                    {move || {
                        let p = percent();
                        format!("{} {}% · {} {}%", name(SOFTBANK), p, name(NAVER), 100 - u16::from(p))
                    }}
                    {move || own.slider_split.get().is_reported().then(|| crate::tr!(crate::i18n::current_lang(), whatif.as_reported))}
                    " "
                    <button
                        type="button"
                        class="own-button-link"
                        disabled=move || own.slider_split.get().is_reported()
                        on:click=move |_| own.set_stake(Split::REPORTED.softbank as u8)
                    >
                        {crate::tx!(whatif.back)}
                    </button>
                </p>
            </div>
            <p class="own-verdict" aria-live="polite">
                <strong>{crate::tx!(whatif.verdict)}</strong>
                <span class="own-verdict-text">{verdict_text}</span>
            </p>
            <h4>{crate::tx!(whatif.lookthrough)}</h4>
            <ul class="own-lookthrough-list">{rows}</ul>
            <p class="own-thresholds">
                <strong>{crate::tx!(whatif.thresholds_heading)}</strong>
                {move || crate::tr!(state.lang.get(), whatif.thresholds_rule, t = format!("{CONTROL_THRESHOLD}"))}
                {crate::tx!(whatif.thresholds_assume)}
                {stake.format()}
                {crate::tx!(whatif.thresholds_because)}
                <code>"stake"</code>
                {crate::tx!(whatif.thresholds_link)}
            </p>
        </section>
    }
}
