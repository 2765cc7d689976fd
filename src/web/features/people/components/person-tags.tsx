import { Tag } from 'antd';

/** 人员类别 as tags; the tag list is a fixed vocabulary, so one colour keeps the table calm. */
export const PersonTags = ({ tags }: { tags: readonly string[] }) =>
  tags.length === 0 ? (
    <span className="bbt-muted">—</span>
  ) : (
    <span className="bbt-people-tags">
      {tags.map((tag) => (
        <Tag key={tag} color="magenta">
          {tag}
        </Tag>
      ))}
    </span>
  );
