use yew::prelude::*;

#[function_component(Studio)]
pub fn studio() -> Html {
    html! {
        <div class="govuk-width-container">
            <main class="govuk-main-wrapper" id="main-content">
                <h1 class="govuk-heading-l">{ "Guidance studio" }</h1>
            </main>
        </div>
    }
}
