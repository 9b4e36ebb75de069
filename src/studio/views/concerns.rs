//! Concerns: the list as a table, with "Add another". One concern's form (text, level,
//! domain, examples, flags, ages, follow-up question, source, search words) is the
//! entries' form (`entries::edit`), as `authoring::forms` describes it.

use super::super::app::{Action, Ctx};
use super::super::doc::Edit;
use super::super::nav::Page;
use crate::authoring::forms;
use yew::prelude::*;

pub fn list(ctx: &Ctx) -> Html {
    let file = &ctx.doc().file;
    let add = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            let group = &forms::groups("concerns")[0];
            let Some(mut json) = forms::read(&ctx.doc().file, "concerns") else {
                return;
            };
            let Some(key) = forms::add_copy(&mut json, group) else {
                return;
            };
            if let Ok(part) = forms::decode("concerns", json) {
                ctx.edit(Edit::new("concerns:add", move |f| part.clone().put(f)));
                ctx.send(Action::Seal);
                ctx.send(Action::Go(Page::Entry("concerns", key), None));
            }
        })
    };
    html! {
        <>
            <h1 class="govuk-heading-l" tabindex="-1">{ "Concerns" }</h1>
            <div class="studio-table-wrap">
            <table class="govuk-table">
                <caption class="govuk-table__caption govuk-table__caption--s">{ format!("{} concerns, in the file's order", file.concerns.len()) }</caption>
                <thead class="govuk-table__head"><tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">{ "Concern" }</th>
                    <th scope="col" class="govuk-table__header">{ "Level" }</th>
                    <th scope="col" class="govuk-table__header">{ "Code" }</th>
                    <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">{ "Change" }</span></th>
                </tr></thead>
                <tbody class="govuk-table__body">
                    { for file.concerns.iter().enumerate().map(|(i, c)| html! {
                        <tr class="govuk-table__row" id={format!("concern-{i}")}>
                            <td class="govuk-table__cell">{ c.text.clone() }</td>
                            <td class="govuk-table__cell">{ c.level }</td>
                            <td class="govuk-table__cell"><code>{ c.code.clone() }</code></td>
                            <td class="govuk-table__cell">
                                <a class="govuk-link" href="#" onclick={ctx.go(Page::Entry("concerns", c.code.clone()), None)}>
                                    { "Change" }<span class="govuk-visually-hidden">{ format!(" {}", c.code) }</span>
                                </a>
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
            <button type="button" class="govuk-button govuk-button--secondary" onclick={add}>{ "Add another" }</button>
            <p class="govuk-body-s">{ "A new concern starts as a copy of the last one, for you to rename and reword." }</p>
        </>
    }
}
