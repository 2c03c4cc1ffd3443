/// Quantiles of Student's t distribution, for confidence intervals over a few replications.
public enum StudentT {
    /// The 97.5% quantiles for 1 to 30 degrees of freedom (to 6 decimals).
    private static let table: [Double] = [
        12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
        2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
        2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272,
    ]

    /// The 97.5% quantile with `degreesOfFreedom` (at least 1): the factor of a two-sided 95%
    /// confidence interval. Beyond 30 degrees of freedom, the Cornish-Fisher expansion around the
    /// normal quantile, within 1e-7 of the exact value there.
    public static func quantile975(degreesOfFreedom: Int) -> Double {
        precondition(degreesOfFreedom >= 1, "Student's t needs at least one degree of freedom")
        if degreesOfFreedom <= table.count {
            return table[degreesOfFreedom - 1]
        }
        let z = 1.959963984540054
        let v = Double(degreesOfFreedom)
        let z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z, z9 = z7 * z * z
        return z + (z3 + z) / (4 * v)
            + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
            + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * v * v * v * v)
    }
}
