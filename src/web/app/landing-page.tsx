import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { levelOf } from '../../contracts/org';
import { type HomeTask, TaskTiles } from '../features/home/components/task-tiles';
import { HomePage } from '../features/home/pages/home-page';
import { DashboardPage } from '../features/reports/pages/dashboard-page';
import { useAppTasks } from '../lib/app-tasks';
import { useSession } from '../lib/session';
import { menuIcons } from './menu-icons';

/**
 * After sign-in: her daily jobs as buttons first (big tiles at a village or community, one row above),
 * then the 工作台 of her scope (reports: to-dos, figures); accounts without reports see the plain home
 * page (home) under the same buttons. Composed here so that neither feature imports the other.
 */
export const LandingPage = () => {
  const { t } = useTranslation();
  const { user, access } = useSession();
  const allTasks = useAppTasks();
  const isGrassroots = levelOf(user.orgUnit.kind) === 'village';
  const tasks = useMemo<HomeTask[]>(
    () =>
      allTasks
        .filter((task) => !task.permission || access.can(task.permission))
        .map((task) => ({
          to: task.path,
          name: t(task.nameKey),
          icon: menuIcons[task.icon],
          testId: task.testId,
        })),
    [allTasks, access, t],
  );
  const tiles = <TaskTiles tasks={tasks} variant={isGrassroots ? 'tiles' : 'row'} />;
  return access.can('reports.read') ? (
    <DashboardPage tasks={tiles} isOwn={isGrassroots} />
  ) : (
    <HomePage tasks={tiles} />
  );
};
