// Privacy-friendly video embeds: the provider's player (and its cookies) is inserted only
// when the reader presses play. Without JavaScript the link to the provider remains.
document.querySelectorAll("[data-video]").forEach((figure) => {
  const button = figure.querySelector("[data-video-play]");
  const player = figure.querySelector("template[data-video-player]");
  if (!button || !player) return;
  button.addEventListener("click", () => {
    const frame = player.content.cloneNode(true);
    button.replaceWith(frame);
    const iframe = figure.querySelector("iframe");
    if (iframe) iframe.focus();
  });
});
