package org.trainkit.merge;

import java.util.Arrays;

/**
 * The linear assignment problem, maximising: the permutation {@code p} maximising {@code sum_i
 * score[i][p[i]]} of a square matrix, by the shortest-augmenting-path Hungarian method (Kuhn 1955,
 * Jonker and Volgenant 1987), O(n^3). Written here because none of the toolkit's libraries has it
 * (Hipparchus does not), and weight matching needs it for a few hundred units at a time.
 */
final class LinearAssignment {

    private LinearAssignment() {
    }

    /** The assignment {@code p} (row i to column p[i]) maximising the total score. */
    static int[] maximise(double[][] score) {
        int n = score.length;
        // minimise cost = -score with potentials u (rows) and v (columns), 1-based with a dummy column 0
        double[] u = new double[n + 1];
        double[] v = new double[n + 1];
        int[] rowOfColumn = new int[n + 1];
        int[] way = new int[n + 1];
        for (int i = 1; i <= n; i++) {
            rowOfColumn[0] = i;
            int column = 0;
            double[] minimum = new double[n + 1];
            boolean[] used = new boolean[n + 1];
            Arrays.fill(minimum, Double.POSITIVE_INFINITY);
            do {
                used[column] = true;
                int row = rowOfColumn[column];
                double delta = Double.POSITIVE_INFINITY;
                int nextColumn = 0;
                for (int j = 1; j <= n; j++) {
                    if (!used[j]) {
                        double reduced = -score[row - 1][j - 1] - u[row] - v[j];
                        if (reduced < minimum[j]) {
                            minimum[j] = reduced;
                            way[j] = column;
                        }
                        if (minimum[j] < delta) {
                            delta = minimum[j];
                            nextColumn = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[rowOfColumn[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minimum[j] -= delta;
                    }
                }
                column = nextColumn;
            } while (rowOfColumn[column] != 0);
            do {
                int previous = way[column];
                rowOfColumn[column] = rowOfColumn[previous];
                column = previous;
            } while (column != 0);
        }
        int[] assignment = new int[n];
        for (int j = 1; j <= n; j++) {
            assignment[rowOfColumn[j] - 1] = j - 1;
        }
        return assignment;
    }
}
