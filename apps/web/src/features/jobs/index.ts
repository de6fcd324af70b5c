export { JobsPage } from './jobs-page';
export { JobFollower, JobProgressBar, jobDuration, jobPercent } from './job-progress';
