pub mod advice;
pub mod model;
pub mod touch_test;
