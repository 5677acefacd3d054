import { describe, expect, it } from "vitest";

import {
  availableAt,
  msUntilAvailable,
  pacingReserve,
  pictureFrom,
  pointsNeeded,
  withdraw,
} from "~/services/shopify/bucket";

const T0 = 5_000_000;
const STANDARD = { maximumAvailable: 2000, currentlyAvailable: 1200, restoreRate: 100 };

describe("the client's picture of a cost bucket", () => {
  it("starts from what the answer reported, less the cost still in flight", () => {
    const picture = pictureFrom(STANDARD, T0, 30);

    expect(availableAt(picture, T0)).toBe(1170);
  });

  it("restores at the reported rate up to the maximum", () => {
    const picture = pictureFrom(STANDARD, T0);

    expect(availableAt(picture, T0 + 2_500)).toBe(1450);
    expect(availableAt(picture, T0 + 60_000)).toBe(2000);
  });

  it("loses what the client sends, and may go below zero", () => {
    let picture = pictureFrom({ ...STANDARD, currentlyAvailable: 15 }, T0);
    picture = withdraw(picture, 10, T0);
    picture = withdraw(picture, 10, T0 + 10);

    expect(availableAt(picture, T0 + 10)).toBe(-4);
    expect(availableAt(picture, T0 + 110)).toBe(6);
  });

  it("keeps 5% of the bucket as a reserve before a request may start", () => {
    const picture = pictureFrom(STANDARD, T0);

    expect(pacingReserve(picture)).toBe(100);
    expect(pointsNeeded(picture, 10)).toBe(110);
    expect(pointsNeeded(picture, 1995)).toBe(2000);
  });

  it("says how long until a cost fits", () => {
    const picture = pictureFrom({ ...STANDARD, currentlyAvailable: 50 }, T0);

    expect(msUntilAvailable(picture, 110, T0)).toBe(600);
    expect(msUntilAvailable(picture, 110, T0 + 600)).toBe(0);
    expect(msUntilAvailable(picture, 40, T0)).toBe(0);
  });

  it("scales with the plan: a scaled-down bucket restores in the same proportion", () => {
    const scaled = pictureFrom(
      { maximumAvailable: 200, currentlyAvailable: 0, restoreRate: 10 },
      T0,
    );

    expect(msUntilAvailable(scaled, pointsNeeded(scaled, 10), T0)).toBe(2_000);
  });
});
