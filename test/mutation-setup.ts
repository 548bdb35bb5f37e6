// Under mutation testing a property that fails has done its work: the mutant is killed. Shrinking the
// counterexample to the smallest one only costs time (many more runs of the property), so it stops
// at the first failure. Passing properties run exactly as in the ordinary set.
import fc from 'fast-check';

fc.configureGlobal({ ...fc.readConfigureGlobal(), endOnFailure: true });
