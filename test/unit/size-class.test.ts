import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sizeClasses } from "~/content/taxonomies.server";
import { classifySize, type SizeThreshold } from "~/firms/size-class";

const classes: SizeThreshold[] = sizeClasses().classes;
const rank = { micro: 0, small: 1, medium: 2, large: 3 } as const;

describe("size class (national statistical rule for industry)", () => {
  it("needs both bounds for large, medium and small", () => {
    expect(classifySize(1000, 40000, classes)).toBe("large");
    expect(classifySize(1000, 39999, classes)).toBe("medium");
    expect(classifySize(5000, 1999, classes)).toBe("small");
    expect(classifySize(300, 2000, classes)).toBe("medium");
    expect(classifySize(20, 300, classes)).toBe("small");
    expect(classifySize(19, 100000, classes)).toBe("micro");
    expect(classifySize(100, 299, classes)).toBe("micro");
    expect(classifySize(0, 0, classes)).toBe("micro");
  });

  it("never gives a smaller class for more employees or more revenue", () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(100000), fc.nat(5000), fc.nat(100000), (e, r, de, dr) => {
        return rank[classifySize(e + de, r + dr, classes)] >= rank[classifySize(e, r, classes)];
      }),
    );
  });
});
