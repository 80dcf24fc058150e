/**
 * Support shared by the tests of every module: the e2cnn reference files ({@link org.e2dl4j.testing.ReferenceFiles}),
 * the one "is refused, and says why" assertion ({@link org.e2dl4j.testing.Rejections}) and the test logging setup
 * ({@code logback-test.xml}). It depends on no other module of the project.
 */
package org.e2dl4j.testing;
