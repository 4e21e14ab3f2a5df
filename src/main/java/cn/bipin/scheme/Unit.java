package cn.bipin.scheme;

/** A competing unit: a department (部门) or a town/street (镇街). */
public record Unit(String code, String name, UnitGroup group) {
}
