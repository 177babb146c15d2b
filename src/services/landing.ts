/**
 * Staff open the app to work: the first 首页 of a launch hands them on to their 工作台 (back
 * returns to 首页, where a staff member who lives here sees their house). Taken once per launch;
 * the local host's sign-in page takes it when it sends a staff member straight there.
 */
let pending = true

export function takeLanding(): boolean {
  const was = pending
  pending = false
  return was
}
