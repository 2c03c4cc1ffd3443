import ACDSimulation
import Testing

/// Confidence intervals over replications.
@Suite struct StatisticsTests {
    @Test(arguments: [(1, 12.706205), (2, 4.302653), (4, 2.776445), (9, 2.262157), (30, 2.042272),
                      (31, 2.0395134464), (40, 2.0210753903), (60, 2.0002978220), (120, 1.9799304051), (1000, 1.9623390808)])
    func studentQuantilesMatchTheTables(degreesOfFreedom: Int, quantile: Double) {
        #expect(abs(StudentT.quantile975(degreesOfFreedom: degreesOfFreedom) - quantile) < 1e-6)
    }

    @Test func anEstimateHasTheMeanAndTheStudentHalfWidth() {
        // Mean 5, sample variance 10/4 = 2.5, so half-width t(4) x sqrt(2.5 / 5).
        let estimate = Estimate([3, 4, 5, 6, 7])
        #expect(estimate.mean == 5)
        #expect(estimate.count == 5)
        #expect(abs((estimate.halfWidth ?? 0) - 2.776445 * 0.5.squareRoot()) < 1e-6)
    }

    @Test func oneReplicationHasNoInterval() {
        let estimate = Estimate([0.8])
        #expect(estimate.mean == 0.8)
        #expect(estimate.halfWidth == nil)
    }
}
