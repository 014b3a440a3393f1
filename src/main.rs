fn main() {
    legs_at_night::start();
}
