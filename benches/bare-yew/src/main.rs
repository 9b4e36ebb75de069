//! A bare Yew counter: the smallest useful Yew app, to measure what the framework alone
//! costs in bytes. See benches/bare-yew/Cargo.toml.

use yew::prelude::*;

#[function_component(App)]
fn app() -> Html {
    let count = use_state(|| 0u32);
    let onclick = {
        let count = count.clone();
        Callback::from(move |_: MouseEvent| count.set(*count + 1))
    };
    html! {
        <main>
            <h1>{ "Counter" }</h1>
            <p id="count">{ *count }</p>
            <button type="button" {onclick}>{ "Add one" }</button>
        </main>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
