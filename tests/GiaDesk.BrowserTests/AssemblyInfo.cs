// One journey at a time: each class starts its own GiaDesk process and Chromium, and three of each at once on the
// two-core CI machine made clicks wait for a minute.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
