// The join form's "your community" field matters only with "Other / not a kibbutz member"
// chosen: shown then, hidden otherwise. Without JavaScript it is always shown, and the
// server asks for it when it is needed.
const kibbutz = document.getElementById("id_kibbutz");
const community = document.getElementById("id_other_community");
const field = community && community.closest(".form__field");
if (kibbutz && field) {
  const show = () => {
    field.hidden = kibbutz.value !== "other" && !community.value;
  };
  kibbutz.addEventListener("change", show);
  show();
}
