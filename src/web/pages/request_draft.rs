//! "Your request for support, drafted": the authority's request-for-support form filled
//! from the case (`record::request_form`), shown as text with copy, print and download.
//! Nothing is kept: the text is built again from the answers each time the page is drawn.

use crate::web::export;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RequestDraftProps {
    /// The form's name in the guidance ("Demo Borough request for support (MARF)").
    pub form_title: AttrValue,
    /// The draft, as `record::request_form` writes it.
    pub text: AttrValue,
}

#[function_component(RequestDraft)]
pub fn request_draft(props: &RequestDraftProps) -> Html {
    let w = crate::web::widget::use_widget();
    let status = use_state(|| None::<String>);
    let section = use_node_ref();
    let on_copy = export::copy_on_click(
        props.text.to_string(),
        "draft",
        "Draft copied. Paste it into the request form, then fill in the items in square brackets.",
        {
            let status = status.clone();
            Callback::from(move |s| status.set(s))
        },
    );
    let on_print = {
        let section = section.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(el) = section.cast::<web_sys::Element>() {
                export::print_part(&el);
            }
        })
    };
    let on_download = {
        let status = status.clone();
        let text = props.text.clone();
        Callback::from(move |_: MouseEvent| {
            status.set(Some(match export::download_draft(&text) {
                Ok(()) => "Draft downloaded as a text file.".into(),
                Err(e) => e,
            }))
        })
    };
    let heading = w.id("request-draft-title");
    html! {
        <section class="app-request-draft" ref={section} aria-labelledby={heading.clone()}>
            <h2 class="govuk-heading-m" id={heading}>{ "Your request for support, drafted" }</h2>
            <p class="govuk-body">
                { format!("The {} in its own order, filled in with what you have told this tool. ", props.form_title) }
                { "Names, dates of birth and addresses are left for you to fill in from your own records, in square brackets, with anything else this tool was not told. Check every line before you send it." }
            </p>
            <div class="govuk-button-group app-no-print">
                <button type="button" class="govuk-button govuk-button--secondary" onclick={on_copy}>{ "Copy draft" }</button>
                <button type="button" class="govuk-button govuk-button--secondary" onclick={on_print}>{ "Print draft" }</button>
                <button type="button" class="govuk-button govuk-button--secondary" onclick={on_download}>{ "Download draft (.txt)" }</button>
            </div>
            <p class="govuk-body app-no-print" role="status">{ (*status).clone().unwrap_or_default() }</p>
            <pre class="app-draft-text">{ props.text.clone() }</pre>
        </section>
    }
}
