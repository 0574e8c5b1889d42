/*
 * On a provider page opened from a finder result (providers/SLUG/?fits=2,3#program-1): the
 * program is outlined and the tracks that fit the person's week are marked, with words as
 * well as colour. The page itself stays as built; only classes and one label are added.
 */
import { say } from "./messages.js";

export function mark(doc = document) {
  const program = /^#program-(\d+)$/.exec(location.hash);
  const fits = new URLSearchParams(location.search).get("fits") || "";
  if (!program) return;
  const heading = doc.getElementById(`program-${program[1]}`);
  const section = heading && heading.closest(".iop-program");
  if (!section || section.classList.contains("iop-program--found")) return;
  section.classList.add("iop-program--found");
  for (const number of fits.split(",").filter((n) => /^\d{1,3}$/.test(n))) {
    const title = doc.getElementById(`program-${program[1]}-track-${number}`);
    const track = title && title.closest(".iop-track");
    if (!track) continue;
    track.classList.add("iop-track--fits");
    const label = doc.createElement("p");
    label.className = "iop-track__fits";
    label.textContent = say("fitsYourWeek");
    title.after(label);
  }
}
