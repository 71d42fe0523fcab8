-- Where each grant's followers read next (readings/FollowerPositions): the device channel and the
-- consent channel of one grant, each with the side key the next message is masked under.
create table follower_position (
    device_root varchar(81) not null,
    channel     varchar(16) not null,
    next_root   varchar(81) not null,
    side_key    varchar(81) not null,
    primary key (device_root, channel)
);
