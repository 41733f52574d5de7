package org.mistudio.acquisition.montage;

/**
 * A sensor position in head coordinates: x towards the right ear, y towards the nose, z towards the vertex
 * (the RAS convention MNE-Python uses). Standard positions lie on the unit sphere.
 */
public record Position(double x, double y, double z) {

    public Position {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
            throw new IllegalArgumentException("position must be finite, got (" + x + ", " + y + ", " + z + ")");
        }
    }

    public double norm() {
        return Math.sqrt(x * x + y * y + z * z);
    }

    public double dot(Position o) {
        return x * o.x + y * o.y + z * o.z;
    }

    public double distance(Position o) {
        double dx = x - o.x;
        double dy = y - o.y;
        double dz = z - o.z;
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** The angle in radians between the two directions from the sphere's centre. */
    public double angle(Position o) {
        double cos = dot(o) / (norm() * o.norm());
        return StrictMath.acos(Math.max(-1, Math.min(1, cos)));
    }

    public Position normalized() {
        double n = norm();
        return new Position(x / n, y / n, z / n);
    }

    Position minus(Position o) {
        return new Position(x - o.x, y - o.y, z - o.z);
    }

    Position plus(Position o) {
        return new Position(x + o.x, y + o.y, z + o.z);
    }

    Position times(double s) {
        return new Position(x * s, y * s, z * s);
    }

    Position cross(Position o) {
        return new Position(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
    }

    Position mirrored() {
        return new Position(-x, y, z);
    }
}
